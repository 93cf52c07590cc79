package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ofiipack/ofiipack/generator/msg"
)

// The file names a person types on Windows ("C:\dossiers\aminata.yaml") and
// elsewhere, checked on every system: each case gives what ofiipack must do
// when it runs on a POSIX system and when it runs on Windows.

func TestBaseBothStyles(t *testing.T) {
	for _, tc := range []struct{ path, posix, windows string }{
		{"aminata.yaml", "aminata.yaml", "aminata.yaml"},
		{"examples/diallo-general.yaml", "diallo-general.yaml", "diallo-general.yaml"},
		{"/tmp/dossiers/awa", "awa", "awa"},
		{`C:\dossiers\aminata.yaml`, `C:\dossiers\aminata.yaml`, "aminata.yaml"},
		{`c:\Users\Awa Koné\Documents\awa.yaml`, `c:\Users\Awa Koné\Documents\awa.yaml`, "awa.yaml"},
		{"D:/dossiers/aminata.yaml", "aminata.yaml", "aminata.yaml"},
		{`dossiers\2026/sow.yml`, "sow.yml", "sow.yml"},
		{`.\aminata.yaml`, `.\aminata.yaml`, "aminata.yaml"},
		{`C:aminata.yaml`, "C:aminata.yaml", "aminata.yaml"},
		{`dossiers\`, `dossiers\`, "dossiers"},
		{"dossiers//", "dossiers", "dossiers"},
		{"", ".", "."},
		{"/", "/", `\`},
		{`C:\`, `C:\`, `\`},
	} {
		if got := posixPaths.base(tc.path); got != tc.posix {
			t.Errorf("POSIX base(%q) = %q, want %q", tc.path, got, tc.posix)
		}
		if got := windowsPaths.base(tc.path); got != tc.windows {
			t.Errorf("Windows base(%q) = %q, want %q", tc.path, got, tc.windows)
		}
		// The host's style is the host's filepath.
		if got, want := hostPaths.base(tc.path), filepath.Base(tc.path); got != want {
			t.Errorf("host base(%q) = %q, filepath.Base gives %q", tc.path, got, want)
		}
	}
}

func TestDefaultOutputBothStyles(t *testing.T) {
	for _, tc := range []struct{ file, suffix, posix, windows string }{
		{"examples/diallo-general.yaml", "-pack.pdf", "diallo-general-pack.pdf", "diallo-general-pack.pdf"},
		{`C:\dossiers\aminata.yaml`, "-pack.pdf", `C:\dossiers\aminata-pack.pdf`, "aminata-pack.pdf"},
		{`C:\dossiers\aminata.yaml`, "-letter.pdf", `C:\dossiers\aminata-letter.pdf`, "aminata-letter.pdf"},
		{`C:\dossiers\aminata.yaml`, ".ics", `C:\dossiers\aminata.ics`, "aminata.ics"},
		{`C:\Users\Awa\Mes documents\KONÉ Awa.YAML`, "-pack.pdf", `C:\Users\Awa\Mes documents\KONÉ Awa-pack.pdf`, "KONÉ Awa-pack.pdf"},
		{"D:/dossiers/aminata.yaml", "-pack.pdf", "aminata-pack.pdf", "aminata-pack.pdf"},
		{`.\aminata.yml`, "-pack.pdf", `.\aminata-pack.pdf`, "aminata-pack.pdf"},
		{`C:aminata.yaml`, "-pack.pdf", "C:aminata-pack.pdf", "aminata-pack.pdf"},
		{`C:\dossiers.2026\sow`, "-pack.pdf", `C:\dossiers-pack.pdf`, "sow-pack.pdf"},
		{`dossiers\awa.v2.yaml`, "-pack.pdf", `dossiers\awa.v2-pack.pdf`, "awa.v2-pack.pdf"},
		{`C:\dossiers\.yaml`, "-pack.pdf", `C:\dossiers\-pack.pdf`, ".yaml-pack.pdf"},
		{".yaml", "-pack.pdf", ".yaml-pack.pdf", ".yaml-pack.pdf"},
	} {
		if got := posixPaths.defaultOutput(tc.file, tc.suffix); got != tc.posix {
			t.Errorf("POSIX defaultOutput(%q, %q) = %q, want %q", tc.file, tc.suffix, got, tc.posix)
		}
		if got := windowsPaths.defaultOutput(tc.file, tc.suffix); got != tc.windows {
			t.Errorf("Windows defaultOutput(%q, %q) = %q, want %q", tc.file, tc.suffix, got, tc.windows)
		}
		// What ofiipack did before, with the host's filepath.
		base := filepath.Base(tc.file)
		if ext := filepath.Ext(base); ext != "" && ext != base {
			base = strings.TrimSuffix(base, ext)
		}
		if got := defaultOutput(tc.file, tc.suffix); got != base+tc.suffix {
			t.Errorf("defaultOutput(%q, %q) = %q, filepath gives %q", tc.file, tc.suffix, got, base+tc.suffix)
		}
	}
}

// TestQuoteBothStyles checks the names that hints print for a person to
// paste: into a POSIX shell, or into PowerShell on Windows.
func TestQuoteBothStyles(t *testing.T) {
	for _, tc := range []struct{ name, posix, windows string }{
		{"aminata.yaml", "aminata.yaml", "aminata.yaml"},
		{"dossiers/aminata-pack.pdf", "dossiers/aminata-pack.pdf", "dossiers/aminata-pack.pdf"},
		{`C:\dossiers\aminata.yaml`, `'C:\dossiers\aminata.yaml'`, `C:\dossiers\aminata.yaml`},
		{`packs\summary.csv`, `'packs\summary.csv'`, `packs\summary.csv`},
		{`C:\Users\Awa Koné\dossier.yaml`, `'C:\Users\Awa Koné\dossier.yaml'`, `'C:\Users\Awa Koné\dossier.yaml'`},
		{"mes dossiers/a.yaml", "'mes dossiers/a.yaml'", "'mes dossiers/a.yaml'"},
		{"l'attestation.yaml", `'l'\''attestation.yaml'`, "'l''attestation.yaml'"},
		{"l’attestation.yaml", "'l’attestation.yaml'", "'l’’attestation.yaml'"},
		{"a,b.yaml", "a,b.yaml", "'a,b.yaml'"},
		{"@awa.yaml", "@awa.yaml", "'@awa.yaml'"},
		{"$HOME.yaml", "'$HOME.yaml'", "'$HOME.yaml'"},
		{"a`b.yaml", "'a`b.yaml'", "'a`b.yaml'"},
		{"a;b.yaml", "'a;b.yaml'", "'a;b.yaml'"},
		{"", "''", "''"},
	} {
		if got := posixPaths.quote(tc.name); got != tc.posix {
			t.Errorf("POSIX quote(%q) = %s, want %s", tc.name, got, tc.posix)
		}
		if got := windowsPaths.quote(tc.name); got != tc.windows {
			t.Errorf("Windows quote(%q) = %s, want %s", tc.name, got, tc.windows)
		}
		if got, want := shellQuote(tc.name), hostPaths.quote(tc.name); got != want {
			t.Errorf("shellQuote(%q) = %s, want the host's %s", tc.name, got, want)
		}
	}
}

// TestOutputPathOnHost runs outputPath on real files, with the paths
// written as the host writes them: the default name, a folder given with
// the host's separator or "/", and an output that is the input however
// its path is written.
func TestOutputPathOnHost(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	sep := string(filepath.Separator)
	if err := os.WriteFile("a.yaml", []byte("format: ofiipack/v1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("out", 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("sub", 0o700); err != nil {
		t.Fatal(err)
	}
	abs := filepath.Join(dir, "a.yaml")

	for _, tc := range []struct{ out, input, want string }{
		{"", "a.yaml", "a-pack.pdf"},
		{"", abs, "a-pack.pdf"},
		{"", "sub" + sep + ".." + sep + "a.yaml", "a-pack.pdf"},
		{"out", "a.yaml", filepath.Join("out", "a-pack.pdf")},
		{"out" + sep, abs, filepath.Join("out", "a-pack.pdf")},
		{"out/", "a.yaml", filepath.Join("out/", "a-pack.pdf")},
		{filepath.Join(dir, "out"), "a.yaml", filepath.Join(dir, "out", "a-pack.pdf")},
		{"-", "a.yaml", "-"},
		{"b.pdf", "a.yaml", "b.pdf"},
	} {
		got, err := outputPath(tc.out, tc.input, "-pack.pdf")
		if err != nil || got != tc.want {
			t.Errorf("outputPath(%q, %q) = %q, %v; want %q", tc.out, tc.input, got, err, tc.want)
		}
	}

	for _, nodir := range []string{"nodir/", "nodir" + sep} {
		_, err := outputPath(nodir, "a.yaml", "-pack.pdf")
		if err == nil || err.Error() != "cannot write "+filepath.FromSlash(nodir)+": no such folder" {
			t.Errorf("outputPath(%q) error = %v, want no such folder", nodir, err)
		}
	}

	for _, tc := range []struct{ out, input string }{
		{"a.yaml", "a.yaml"},
		{"." + sep + "a.yaml", "a.yaml"},
		{"./a.yaml", "a.yaml"},
		{abs, "a.yaml"},
		{"a.yaml", abs},
		{"sub" + sep + ".." + sep + "a.yaml", "a.yaml"},
	} {
		_, err := outputPath(tc.out, tc.input, "-pack.pdf")
		var h hintError
		if !errors.As(err, &h) || !strings.HasPrefix(err.Error(), "refusing to write over the input file ") {
			t.Errorf("outputPath(%q, %q) error = %v, want a refusal", tc.out, tc.input, err)
			continue
		}
		if want := "choose another name with -o, e.g. -o a-pack.pdf"; len(h.hints) != 1 || fmt.Sprint(h.hints[0]) != want {
			t.Errorf("outputPath(%q, %q) hints = %q, want %q", tc.out, tc.input, h.hints, want)
		}
	}
}

// TestReadFileFolder checks the message for a folder given as FILE: on
// Windows reading a folder fails with "Incorrect function", not with the
// "is a directory" of other systems.
func TestReadFileFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dossiers")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := readFile(t.Context(), dir, msg.New("read.what.applicant"))
	want := "cannot read " + dir + ": it is a folder, expected an applicant file"
	if err == nil || err.Error() != want {
		t.Fatalf("readFile(folder) = %v, want %q", err, want)
	}
	var h hintError
	if !errors.As(err, &h) || len(h.hints) != 1 || fmt.Sprint(h.hints[0]) != "name the files in it, e.g. "+filepath.Join(dir, "*.yaml") {
		t.Errorf("hints = %q", h.hints)
	}
}

// TestExpandPatterns checks the wildcards of 'ofiipack validate
// dossiers\*.yaml', which ofiipack expands itself on Windows only.
func TestExpandPatterns(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.yaml", "a.yaml", "c.yml", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// "/" separates folders on both systems, so the Windows expansion
	// runs on the host's files.
	pattern := filepath.ToSlash(dir) + "/*.yaml"
	args := []string{"x.yaml", pattern, filepath.ToSlash(dir) + "/?.yml", filepath.ToSlash(dir) + "/*.none"}
	want := []string{"x.yaml", filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml"), filepath.Join(dir, "c.yml"), args[3]}
	got := windowsPaths.expandPatterns(args, filepath.Glob)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Windows expandPatterns = %q, want %q", got, want)
	}
	if got := posixPaths.expandPatterns(args, filepath.Glob); strings.Join(got, "\n") != strings.Join(args, "\n") {
		t.Errorf("POSIX expandPatterns = %q, want the arguments as the shell passed them", got)
	}
}
