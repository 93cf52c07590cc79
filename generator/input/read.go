// Package input reads the files a user names, the same way for every
// command: regular files, or a named pipe named on the command line (bash's
// <(…), /dev/stdin), within a size limit whose message names it; never a
// device, a socket, or a pipe found in a folder. Decoding what was read is
// the job of the packages that know its format (applicant, sheet).
package input

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// ErrNotRegular is the cause of the error for an input that is a device,
// a socket or (found in a folder) a named pipe: ofiipack reads regular
// files only, so that /dev/zero or a pipe nobody writes to never makes it
// read without end or wait forever.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is the cause of the error for an input past its size limit.
var ErrTooLarge = errors.New("file too large")

// Open opens the file at path for reading, when it is a regular file, or,
// when pipes is true, a named pipe: a stream the user named on the command
// line (bash's <(…), /dev/stdin), which is then read as it is written. A
// device, a socket, or a named pipe when pipes is false, is refused before
// it is opened; on unix the file is opened without blocking and checked
// again once open, so that a file swapped for a pipe in between never
// blocks.
func Open(path string, pipes bool) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkMode(fi.Mode(), pipes); err != nil {
		return nil, err
	}
	if fi.Mode()&fs.ModeNamedPipe != 0 {
		// The user named a pipe: wait for its writer, as cat would.
		return os.Open(path)
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	if fi, err = f.Stat(); err == nil {
		err = checkMode(fi.Mode(), false)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// checkMode refuses what is not a regular file (nor a named pipe, when
// pipes is true), naming what it is. A folder is left to the caller, which
// has its own message for it.
func checkMode(m fs.FileMode, pipes bool) error {
	var kind string
	switch {
	case m.IsRegular(), m.IsDir():
		return nil
	case m&fs.ModeNamedPipe != 0:
		if pipes {
			return nil
		}
		kind = "read.kind.pipe"
	case m&fs.ModeSocket != 0:
		kind = "read.kind.socket"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		kind = "read.kind.device"
	default:
		kind = "read.kind.other"
	}
	return msg.Wrap(ErrNotRegular, "read.not_regular", msg.New(kind)).WithHint(msg.New("read.not_regular_hint"))
}

// ReadFile reads the whole file at path (see Open), at most limit bytes:
// a longer file is refused with an error naming the limit, after reading
// limit+1 bytes and no more. what names the kind of file expected ("an
// applicant file").
func ReadFile(path string, limit int64, pipes bool, what msg.Text) ([]byte, error) {
	f, err := Open(path, pipes)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errIsDir}
	}
	return ReadAll(f, limit, what)
}

// ReadAll reads r to its end, at most limit bytes; past them, an error
// naming the limit.
func ReadAll(r io.Reader, limit int64, what msg.Text) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, TooLarge(limit, what)
	}
	return data, nil
}

// TooLarge is the error for an input of more than limit bytes.
func TooLarge(limit int64, what msg.Text) error {
	return msg.Wrap(ErrTooLarge, "read.too_large", Size(limit), what).WithHint(msg.New("read.too_large_hint", Size(limit)))
}

// Size words a size in bytes for a message: "1 MiB", « 64 Mio ».
func Size(n int64) msg.Text {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return msg.New("read.mib", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return msg.New("read.kib", n>>10)
	}
	return msg.New("read.bytes", n)
}

// OpenContext is Open for a file named on the command line (pipes
// allowed), whose wait for a pipe's writer ends with ctx, and so does a
// read that waits for more data: the file is closed then. The function it
// returns closes the file.
func OpenContext(ctx context.Context, path string) (*os.File, func(), error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := Open(path, true)
		ch <- opened{f, err}
	}()
	select {
	case o := <-ch:
		if o.err != nil {
			return nil, nil, o.err
		}
		stop := context.AfterFunc(ctx, func() { o.f.Close() })
		return o.f, func() { stop(); o.f.Close() }, nil
	case <-ctx.Done():
		go func() { // the pipe's writer may still come
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, nil, ctx.Err()
	}
}

// LimitReader reads at most size bytes from r, in lines of at most line
// bytes; past either it fails, so that a file over the limit is refused,
// not silently cut, and an endless line (a file that is not text) is not
// held in memory whole. what names the kind of file expected.
func LimitReader(r io.Reader, size, line int64, what msg.Text) io.Reader {
	return &limitReader{r: r, size: size, line: line, what: what}
}

type limitReader struct {
	r          io.Reader
	size, line int64 // the limits
	what       msg.Text
	read, run  int64 // bytes read, and since the last end of line
}

func (l *limitReader) Read(p []byte) (int, error) {
	if int64(len(p)) > l.size-l.read+1 {
		p = p[:l.size-l.read+1]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	if l.read > l.size {
		return 0, TooLarge(l.size, l.what)
	}
	for b := p[:n]; ; {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			l.run += int64(len(b))
			break
		}
		if l.run+int64(i) > l.line {
			l.run += int64(i)
			break
		}
		l.run, b = 0, b[i+1:]
	}
	if l.run > l.line {
		return 0, msg.Wrap(ErrTooLarge, "read.line_too_long", Size(l.line)).
			WithHint(msg.New("read.line_too_long_hint"))
	}
	return n, err
}
