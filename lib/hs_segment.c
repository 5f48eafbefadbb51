/* hs_segment.c: stub, being written. */
#include "hs_segment.h"
