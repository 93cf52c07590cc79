//go:build unix

package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// TestInterruptWhileReading: Ctrl-C while a command reads a pipe ends it
// as interrupted (status 130), whether the signal comes while the pipe is
// still open or just after its writer, stopped by the same Ctrl-C, closed
// it empty: never « le fichier est vide ».
func TestInterruptWhileReading(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writer func(path string) // what the pipe's writer does
	}{
		{"pipe still open", func(path string) {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err == nil {
				t.Cleanup(func() { f.Close() })
			}
		}},
		{"pipe closed empty", func(path string) {
			if f, err := os.OpenFile(path, os.O_WRONLY, 0); err == nil {
				f.Close()
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "stdin")
			if err := mkfifo(fifo); err != nil {
				t.Fatal(err)
			}
			go tc.writer(fifo)
			ctx, cancel := context.WithCancel(t.Context())
			cancel() // as a Ctrl-C typed at once
			var stderr bytes.Buffer
			a := newApp(strings.NewReader(""), io.Discard, &stderr)
			a.lang = msg.French
			code := a.execute(ctx, []string{"validate", "--date", "2026-11-22", fifo})
			if code != exitInterrupted || stderr.String() != "ofiipack: error: interrompu\n" {
				t.Errorf("status %d, stderr %q; want %d and « interrompu »", code, stderr.String(), exitInterrupted)
			}
		})
	}
}
