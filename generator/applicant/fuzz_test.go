package applicant

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad: no input panics the loader, and every failure is a non-empty
// Problems whose problems have a position, a message and the file's name.
func FuzzLoad(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"# only a comment\n",
		"---\n",
		base + "---\nformat: ofiipack/v1\n",
		"format: ofiipack/v1\napplicant: [a, b]\n",
		"format: ofiipack/v1\napplicant:\n  family_name: DIALLO\n  family_name: X\n",
		"format: ofiipack/v1\napplicant:\n\tcivility: madame\n",
		"a: &x {b: *x}\n",
		"a: &x [1]\nb: *x\nc: *y\n",
		"format: ofiipack/v1\napplicant: {birth_date: 30/02/1988, nationality: XX, given_names: \"😀\"}\n",
		"options: {fees: {stamp_duty: -1e400}, mail_margin_days: 99999999999999999999}\n",
		"ofii_address: [\"\\u0000\", \"\\t\", \"\\u2028\"]\n",
		"? [a]\n: b\n",
		"\xff\xfe\x00a",
		// positions of bad bytes, fields of syntax errors, comments
		"format: ofiipack/v1\napplicant:\n  address:\n    street: 27 bd #appt 4\n    city: a\x00b\n",
		"a:\n  - b: c\n  - d: e: f\n",
		"a: \xc3\n",
		"- - - a: [\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Load("f.yaml", data, today)
		if err == nil {
			if file == nil {
				t.Fatal("nil file without problems")
			}
			return
		}
		if file != nil {
			t.Fatal("a file and problems")
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error %T is not a non-empty Problems: %v", err, err)
		}
		for _, p := range ps {
			if p.Line < 1 || p.Column < 1 || p.Message.IsZero() || p.File != "f.yaml" {
				t.Fatalf("problem without a position or message: %#v", p)
			}
		}
		if _, err := LoadOrganisation("f.yaml", data); err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("organisation error %T is not a non-empty Problems: %v", err, err)
			}
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "diallo-general.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Load("diallo-general.yaml", data, today); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadProblems measures a file full of problems (hints cost edit
// distances).
func BenchmarkLoadProblems(b *testing.B) {
	data := []byte(`format: ofiipack/v2
applicant:
  civility: madam
  famly_name: DIALLO
  birth_date: 1988-02-30
  nationality: Mali
situation:
  arrived_on: 2027-01-01
  long_stay_visa: yes
`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("x.yaml", data, today); err == nil {
			b.Fatal("no problem")
		}
	}
}
