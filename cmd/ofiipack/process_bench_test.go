package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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

// BenchmarkBatchProcess measures what one pack costs in `ofiipack batch`
// (a caseload of 200 applicants of varied names and birth dates, from the
// row of `ofiipack init --csv`, two workers), against the floor drawing the
// text of the same example's pack (examples/diallo-general.yaml) with fpdf
// as published.
// Each iteration runs one batch and one floor; it reports the CPU time
// (user + system) per pack of the batch, that of the floor's pack, and
// their ratio:
//
//	go test ./cmd/ofiipack -run '^$' -bench BatchProcess -benchtime 5x
func BenchmarkBatchProcess(b *testing.B) {
	const rows = 200
	dir := b.TempDir()
	ofiipack := filepath.Join(dir, "ofiipack")
	if out, err := exec.Command("go", "build", "-o", ofiipack, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	floor := buildFloor(b, dir)
	caseload := writeCaseload(b, ofiipack, dir, rows)
	floorPDF := filepath.Join(dir, "floor.pdf")
	var ours, base time.Duration
	i := 0
	for b.Loop() {
		i++
		out := filepath.Join(dir, "out"+strconv.Itoa(i))
		ours += cpuOf(b, exec.Command(ofiipack, "batch", caseload, "-o", out, "--quiet", "--date", "2026-11-22", "--jobs", "2"))
		base += cpuOf(b, exec.Command(floor, floorPDF, "pack"))
		os.RemoveAll(out)
	}
	n := float64(b.N)
	b.ReportMetric(float64(ours.Microseconds())/1000/n/rows, "cpu-ms/pack")
	b.ReportMetric(float64(base.Microseconds())/1000/n, "cpu-ms/floor-pack")
	b.ReportMetric(float64(ours)/rows/float64(base), "pack/floor")
}

// writeCaseload writes dir/caseload.csv: the row of `ofiipack init --csv`
// n times, with varied names and birth dates.
func writeCaseload(b *testing.B, ofiipack, dir string, n int) string {
	b.Helper()
	tmpl := filepath.Join(dir, "init.csv")
	if out, err := exec.Command(ofiipack, "init", "--csv", "-o", tmpl).CombinedOutput(); err != nil {
		b.Fatalf("ofiipack init --csv: %v\n%s", err, out)
	}
	data, err := os.ReadFile(tmpl)
	if err != nil {
		b.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil || len(recs) < 2 {
		b.Fatalf("init --csv: %d records, %v", len(recs), err)
	}
	col := map[string]int{}
	for i, title := range recs[0] {
		col[title] = i
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.Write(recs[0])
	families := []string{"DIALLO", "KONATÉ", "TRAORÉ", "SOW", "CISSÉ", "KEITA", "DIARRA", "TOURÉ"}
	given := []string{"Aminata", "Fatou", "Mariam", "Awa", "Kadiatou", "Oumou", "Hawa", "Binta"}
	for i := range n {
		row := append([]string(nil), recs[1]...)
		row[col["Nom de famille"]] = fmt.Sprintf("%s-%c%c", families[i%8], 'A'+i%26, 'A'+i/26%26)
		row[col["Prénoms"]] = given[i/8%8]
		row[col["Date de naissance"]] = fmt.Sprintf("%02d/%02d/%d", 1+i%28, 1+i/28%12, 1960+i%40)
		w.Write(row)
	}
	w.Flush()
	path := filepath.Join(dir, "caseload.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
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
		"../../generator/render/testdata/floor/main.go":   "main.go",
		"../../generator/render/testdata/floor/letter.go": "letter.go",
		"../../generator/render/testdata/floor/pack.go":   "pack.go",
		"../../generator/render/testdata/floor/go.mod":    "go.mod",
		"../../generator/render/testdata/floor/go.sum":    "go.sum",
		"../../fonts/NotoSans-Regular.ttf":                "NotoSans-Regular.ttf",
		"../../fonts/NotoSans-Bold.ttf":                   "NotoSans-Bold.ttf",
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
