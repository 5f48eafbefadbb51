/* hs_utf8.c: stub, being written. */
#include "hs_utf8.h"
