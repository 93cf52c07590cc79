package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkLetterProcess measures what one `ofiipack letter` costs as a
// whole process (start-up, loading, checking, planning, drawing, writing),
// against the floor: testdata/floor of generator/render, a program that
// draws the same page with the same fonts and unpatched fpdf and does
// nothing else. Both are built here, then run one after the other in
// every iteration, so that the load of the machine weighs on both alike.
// It reports the CPU time (user + system) of each, and their ratio:
//
//	go test ./cmd/ofiipack -run '^$' -bench LetterProcess -benchtime 200x
//
// Building the floor needs fpdf v0.12.0 from the Go module proxy (or the
// module cache); without it the benchmark is skipped.
func BenchmarkLetterProcess(b *testing.B) {
	dir := b.TempDir()
	ofiipack := filepath.Join(dir, "ofiipack")
	if out, err := exec.Command("go", "build", "-o", ofiipack, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	floor := buildFloor(b, dir)
	example, err := filepath.Abs(filepath.Join("..", "..", "examples", "diallo-general.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	letter, floorPDF := filepath.Join(dir, "letter.pdf"), filepath.Join(dir, "floor.pdf")
	var ours, base time.Duration
	for b.Loop() {
		ours += cpuOf(b, exec.Command(ofiipack, "letter", example, "--date", "2026-11-22", "-o", letter))
		base += cpuOf(b, exec.Command(floor, floorPDF))
	}
	n := float64(b.N)
	b.ReportMetric(float64(ours.Microseconds())/1000/n, "cpu-ms/letter")
	b.ReportMetric(float64(base.Microseconds())/1000/n, "cpu-ms/floor")
	b.ReportMetric(float64(ours)/float64(base), "letter/floor")
}

// buildFloor copies the floor program and the two fonts it draws with to
// dir/floor-src and builds it there.
func buildFloor(b *testing.B, dir string) string {
	b.Helper()
	src := filepath.Join(dir, "floor-src")
	if err := os.Mkdir(src, 0o755); err != nil {
		b.Fatal(err)
	}
	for from, to := range map[string]string{
		"../../generator/render/testdata/floor/main.go": "main.go",
		"../../generator/render/testdata/floor/page.go": "page.go",
		"../../generator/render/testdata/floor/go.mod":  "go.mod",
		"../../generator/render/testdata/floor/go.sum":  "go.sum",
		"../../fonts/NotoSans-Regular.ttf":              "NotoSans-Regular.ttf",
		"../../fonts/NotoSans-Bold.ttf":                 "NotoSans-Bold.ttf",
	} {
		data, err := os.ReadFile(from)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, to), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	floor := filepath.Join(dir, "floor")
	cmd := exec.Command("go", "build", "-o", floor, ".")
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Skipf("cannot build the floor program (it needs codeberg.org/go-pdf/fpdf v0.12.0): %v\n%s", err, out)
	}
	return floor
}

// cpuOf runs cmd and returns the CPU time it took, user and system.
func cpuOf(b *testing.B, cmd *exec.Cmd) time.Duration {
	b.Helper()
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s: %v\n%s", cmd.Path, err, out)
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}
