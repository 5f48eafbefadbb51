/* hs_progress.c: stub, being written. */
#include "hs_progress.h"
