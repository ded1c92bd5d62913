/* outdir.h: the folders alexviz writes into (export -o, trace --dump), made safe to write.
 *
 * Three promises: a folder name that is empty or the root folder is a usage error, not a place
 * to spill thirty files; one alexviz writes into a folder at a time (a lock file, refused with a
 * message naming the other process); and the temporary files an interrupted run leaves are
 * removed, by the next run in that folder (net_temp_sweep) or, on SIGINT, SIGTERM or SIGHUP, by
 * the run itself before it ends (outdir_catch_signals).
 */
#ifndef OUTDIR_H
#define OUTDIR_H

/* 1 when dir may be written into; else prints "FLAG: ..." and returns 0 (a usage error: exit 2).
 * Refused: "", and any name of the root folder ("/", "//", "/./.."). */
int outdir_name_ok(const char *flag, const char *dir);

/* Takes dir's lock (dir/.alexviz.lock, flock, released when the process ends however it ends).
 * Returns a descriptor to pass to outdir_unlock, or -1 after printing why (another alexviz
 * holds it: its pid is named). dir must exist. */
int outdir_lock(const char *dir);
void outdir_unlock(int fd);

/* From now on SIGINT, SIGTERM and SIGHUP first remove the temporary files of writes in flight
 * (net_temp_cleanup), then end the process as the signal would have. */
void outdir_catch_signals(void);

#endif
