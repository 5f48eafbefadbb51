/* hs_record.c: stub, being written. */
#include "hs_record.h"
