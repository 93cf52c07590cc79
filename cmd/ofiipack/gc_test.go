package main

import (
	"runtime/debug"
	"testing"
)

// tuneGC sets the soft limit, holdMemory moves it by what batch holds and
// back, and the limit found before is restored; GOMEMLIMIT, when set, wins.
func TestHoldMemory(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	before := debug.SetMemoryLimit(-1)
	restore := tuneGC()
	if got := debug.SetMemoryLimit(-1); got != softLimit {
		t.Errorf("tuneGC: limit %d, want %d", got, softLimit)
	}
	holdMemory(60 << 20)
	if got := debug.SetMemoryLimit(-1); got != softLimit+60<<20 {
		t.Errorf("holding 60 MiB: limit %d, want %d", got, softLimit+60<<20)
	}
	holdMemory(-60 << 20)
	if got := debug.SetMemoryLimit(-1); got != softLimit {
		t.Errorf("held nothing again: limit %d, want %d", got, softLimit)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("restored: limit %d, want %d", got, before)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	holdMemory(60 << 20)
	defer holdMemory(-60 << 20)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set: limit %d, want it untouched (%d)", got, before)
	}
}
