// Package atomicfile writes files so that a reader, or an interrupted run,
// never sees a half-written one: the content goes to a temporary file in the
// same folder, which is synced and renamed over the target only when complete.
package atomicfile

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// Perm is the mode of every file ofiipack writes: the files hold personal,
// health-adjacent data (SPEC §1).
const Perm os.FileMode = 0o600

// TempPrefix starts the name of every temporary file, so that a cleanup can
// recognise them.
const TempPrefix = ".ofiipack-tmp-"

// Write creates or replaces path with what write produces. When write (or
// any step) fails, the temporary file is removed and path is left as it was.
// The content is on disk (synced) before path names it.
func Write(path string, write func(io.Writer) error) error {
	return replace(path, write, true)
}

// WriteUnsynced is Write without the sync: path names the complete content
// as soon as it returns, as with Write, but a power cut may lose it until
// the caller has synced its folder (FolderSync). A batch writes its packs
// so and syncs once, before its summary lists them: one sync per pack cost
// more than a tenth of a batch's time, and more on slower disks.
func WriteUnsynced(path string, write func(io.Writer) error) error {
	return replace(path, write, false)
}

func replace(path string, write func(io.Writer) error, sync bool) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, TempPrefix+base+"-*")
	if err != nil {
		return msg.Wrap(err, "os.cannot_write", path, msg.OS(err))
	}
	renamed := false
	defer func() {
		if !renamed {
			// Failed, or a panic in write: the temporary file goes,
			// and only this write's.
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(Perm); err != nil {
		return msg.Wrap(err, "os.cannot_write", path, msg.OS(err))
	}
	if err = write(tmp); err != nil {
		var (
			pe *fs.PathError
			me *msg.Error
		)
		if errors.As(err, &pe) && !errors.As(err, &me) {
			// The system's own words ("write …: no space left on
			// device") become the catalog's, in the user's language.
			err = msg.Wrap(err, "os.cannot_write", path, msg.OS(err))
		}
		return err
	}
	if sync {
		if err = tmp.Sync(); err != nil {
			return msg.Wrap(err, "os.cannot_write", path, msg.OS(err))
		}
	}
	if err = tmp.Close(); err != nil {
		return msg.Wrap(err, "os.cannot_write", path, msg.OS(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return msg.Wrap(err, "os.cannot_write", path, msg.OS(err))
	}
	renamed = true
	return nil
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path string, b []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// SameFile reports whether the paths a and b name the same file: the same
// existing file (links included), or the same path once made absolute. A
// command checks it before writing, so that an output never replaces one
// of its inputs.
func SameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}

// CancelWriter fails every write once ctx is done, so that an interrupted
// render stops and Write removes its temporary file.
func CancelWriter(ctx context.Context, w io.Writer) io.Writer { return cancelWriter{ctx, w} }

type cancelWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c cancelWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
