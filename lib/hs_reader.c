/* hs_reader.c: stub, being written. */
#include "hs_reader.h"
