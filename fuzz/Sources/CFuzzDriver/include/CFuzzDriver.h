#ifndef PREFLIGHT_CFUZZDRIVER_H
#define PREFLIGHT_CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (compiler-rt FuzzerInterface.h). The executable has its own main, which
// picks the target before handing over, so libFuzzer's main is never linked in.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
