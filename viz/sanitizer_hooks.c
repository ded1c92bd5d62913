/* sanitizer_hooks.c: what ThreadSanitizer and LeakSanitizer are told not to report.
 *
 * Pango starts a thread of its own to initialise fontconfig and hands the result over with
 * glib's futex-based locks; fontconfig, glib, pango, harfbuzz and cairo keep caches behind
 * their own atomics. None of them is built with a sanitizer, so TSan sees their memory only
 * through the libc functions they call (strcmp, memcpy, malloc) and not their locks, and
 * reports races that are not there; and their caches live until the process ends, which LSan
 * calls leaks. Only what happens inside those libraries is suppressed: alexviz's own code (the
 * hand-over between the export's threads, the window's worker and snapshot, every allocation it
 * makes) is still checked. Only sanitizer builds ever call these hooks.
 */

const char *__tsan_default_suppressions(void);
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);

const char *__tsan_default_suppressions(void)
{
    return "called_from_lib:libfontconfig.so.1\n"
           "called_from_lib:libglib-2.0.so.0\n"
           "called_from_lib:libgobject-2.0.so.0\n"
           "called_from_lib:libpango-1.0.so.0\n"
           "called_from_lib:libpangoft2-1.0.so.0\n"
           "called_from_lib:libpangocairo-1.0.so.0\n"
           "called_from_lib:libharfbuzz.so.0\n"
           "called_from_lib:libfreetype.so.6\n"
           "called_from_lib:libcairo.so.2\n"
           "called_from_lib:libpixman-1.so.0\n";
}

/* Font caches: a leak report whose stack passes through one of these is theirs. */
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so.1\n"
           "leak:libpango-1.0.so.0\n"
           "leak:libpangoft2-1.0.so.0\n"
           "leak:libpangocairo-1.0.so.0\n"
           "leak:libharfbuzz.so.0\n"
           "leak:libfreetype.so.6\n"
           "leak:libglib-2.0.so.0\n"
           "leak:libgobject-2.0.so.0\n";
}

/* Without this LSan lists the suppressions it used on stderr, after the program's one line. */
const char *__lsan_default_options(void) { return "print_suppressions=0"; }
