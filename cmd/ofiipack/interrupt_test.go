package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// An interrupt while a file is written cancels the command's context: the
// document stops (or, once drawn, is not renamed), neither the target nor
// a temporary file is left, and the command reports an interruption
// (status 130), without os.Exit.
func TestWriteFileInterrupted(t *testing.T) {
	for _, tt := range []struct {
		name  string
		write func(cancel func(), w io.Writer) error
	}{
		{"while drawing", func(cancel func(), w io.Writer) error {
			io.WriteString(w, "%PDF-1.4 half")
			cancel()
			_, err := io.WriteString(w, " rest")
			return err
		}},
		{"once drawn", func(cancel func(), w io.Writer) error {
			io.WriteString(w, "%PDF-1.4 whole")
			cancel()
			return nil
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var stderr bytes.Buffer
			a := newApp(nil, io.Discard, &stderr)
			dir := t.TempDir()
			err := writeFile(ctx, filepath.Join(dir, "pack.pdf"), func(w io.Writer) error { return tt.write(cancel, w) })
			if !errors.As(err, &interruptedError{}) {
				t.Fatalf("err = %v, want an interruption", err)
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 0 {
				t.Errorf("left behind: %v", ents)
			}
			if code := a.report(nil, err); code != exitInterrupted {
				t.Errorf("status %d, want %d", code, exitInterrupted)
			}
		})
	}
}
