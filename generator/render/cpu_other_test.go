//go:build !unix

package render

import "time"

var start = time.Now()

// cpuNow is the wall clock where the process's CPU time is not at hand.
func cpuNow() time.Duration { return time.Since(start) }
