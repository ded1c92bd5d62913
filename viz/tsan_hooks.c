/* tsan_hooks.c: what ThreadSanitizer is told not to report.
 *
 * Pango starts a thread of its own to initialise fontconfig and hands the result over with
 * glib's futex-based locks; fontconfig, glib, pango, harfbuzz and cairo keep caches behind
 * their own atomics. None of them is built with -fsanitize=thread, so TSan sees their memory
 * only through the libc functions they call (strcmp, memcpy, malloc) and not their locks, and
 * reports races that are not there. Calls made from inside those libraries are suppressed;
 * everything in alexviz's own code (the hand-over between the export's threads, the window's
 * worker and snapshot) is still checked. Only a TSan build ever calls this hook.
 */

const char *__tsan_default_suppressions(void);

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
