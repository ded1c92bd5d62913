/* tmp.h: the tests' one temporary folder.
 *
 * Made under /tmp on first use, and removed with everything in it when the runner exits,
 * whether its tests passed or failed (a test that fails half-way leaves nothing behind). Every
 * test writes there: files by name (test_path), or folders of its own (test_mkdir).
 */
#ifndef TEST_TMP_H
#define TEST_TMP_H

#include <stddef.h>

/* The run's folder. */
const char *test_tmpdir(void);
/* name inside the run's folder (one of a few rotating static buffers: copy it to keep it). */
const char *test_path(const char *name);
/* Makes a new, empty folder inside the run's folder whose name starts with prefix; its path
 * into out. 0 when it cannot. */
int test_mkdir(const char *prefix, char *out, size_t len);

#endif
