/* sanitizers.c: what the sanitizers are told about the libraries we do not build.
 *
 * These are hooks of the sanitizer runtimes, read at start-up by the program and by the tests
 * alike (both link this file); in a build without sanitizers nothing calls them. Each list
 * names libraries, never our own code: a race or a leak between two of our frames is still
 * reported.
 */

/* For `make asan`: fontconfig, D-Bus (through SDL) and Xlib keep some allocations until the
 * process ends, by design; LeakSanitizer reads this list so that what it reports is ours. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\nleak:libdbus-1.so\nleak:libX11.so\n";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void) { return "print_suppressions=0"; }

/* For `make tsan`: none of these libraries is built with ThreadSanitizer, so what they do
 * inside themselves between threads is invisible to it and looks like a race: pango starts
 * fontconfig on a thread of its own and hands the result over through glib's futex-based
 * locks; Mesa's software OpenGL (llvmpipe, used by SDL under Xvfb) runs threads of its own.
 * Our threads share no object of theirs without our own lock.
 *
 * cairo takes its font-cache locks in one order here and the other order there, on one thread
 * too, which ThreadSanitizer reports as a lock-order inversion. Between two threads drawing
 * text at once that is a real deadlock (the layout test once hung in it), which is why alexviz
 * draws on one thread only and its tests in one thread per process; with one drawing thread
 * the inversion cannot bite, so only that report is left out for cairo (its races are not). */
const char *__tsan_default_suppressions(void);
const char *__tsan_default_suppressions(void)
{
    return "race:libfontconfig.so\nrace:libglib-2.0.so\nrace:libpango-1.0.so\n"
           "race:libpangoft2-1.0.so\nrace:libharfbuzz.so\nrace:_dri.so\n"
           "deadlock:libcairo.so\n";
}
const char *__tsan_default_options(void);
const char *__tsan_default_options(void) { return "print_suppressions=0"; }
