package input

import (
	"io"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/msg"
)

func TestLimitReader(t *testing.T) {
	read := func(data string, size, line int64) error {
		_, err := io.ReadAll(LimitReader(strings.NewReader(data), size, line, msg.New("read.what.spreadsheet")))
		return err
	}
	if err := read("ab\ncd\n", 6, 2); err != nil {
		t.Errorf("at the limits: %v", err)
	}
	if err := read("ab\ncd\ne", 6, 2); err == nil || !strings.Contains(err.Error(), "more than 6 bytes, expected a spreadsheet of at most 6 bytes") {
		t.Errorf("past the size: %v", err)
	}
	if err := read("ab\ncde\n", 100, 2); err == nil || !strings.Contains(err.Error(), "found a line of more than 2 bytes") {
		t.Errorf("past the line: %v", err)
	}
}
