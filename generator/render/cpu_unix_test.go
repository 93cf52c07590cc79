//go:build unix

package render

import (
	"syscall"
	"time"
)

// cpuNow is the CPU time (user and system) the process has used so far:
// what a benchmark on a shared machine can compare, where the wall clock
// also counts the other programs' turns.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
