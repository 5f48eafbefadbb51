/* hs_escape.c: stub, being written. */
#include "hs_escape.h"
