package atomicfile

import "testing"

func TestKernelAtLeast(t *testing.T) {
	for _, tc := range []struct {
		release string
		want    bool
	}{
		{"5.8.0", true}, {"5.7.19", false}, {"5.10.0-28-amd64", true}, {"6.1.0-13-amd64", true},
		{"4.19.0-25-amd64", false}, {"5.8", true}, {"5.8-rc1", true}, {"5", false}, {"", false}, {"x.y", false},
	} {
		if got := kernelAtLeast(tc.release, 5, 8); got != tc.want {
			t.Errorf("kernelAtLeast(%q, 5, 8) = %v, want %v", tc.release, got, tc.want)
		}
	}
}
