/* hs_lexicon.c: stub, being written. */
#include "hs_lexicon.h"
