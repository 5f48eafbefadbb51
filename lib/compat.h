/* compat.h: what the system may lack. libbsd's overlay (pkg-config libbsd-overlay)
 * supplies strtonum, strlcpy, getprogname and friends under their usual headers,
 * so code includes <stdlib.h> and <string.h> as on a BSD. */
#ifndef HS_COMPAT_H
#define HS_COMPAT_H

#include <stdlib.h>
#include <string.h>

#endif
