#ifndef PREFLIGHT_CCMARK_SHIM_H
#define PREFLIGHT_CCMARK_SHIM_H
#include <cmark.h>
#endif
