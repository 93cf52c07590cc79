package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// reached is the handler behind a middleware under test: it records that
// the request got through.
func reached(got *bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { *got = true })
}

func through(h http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		if k == "Host" {
			r.Host = v
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestSecurityHeaders(t *testing.T) {
	var got bool
	w := through(securityHeaders(reached(&got)), "GET", "/", nil)
	if !got {
		t.Fatal("the request did not reach the handler")
	}
	for k, want := range map[string]string{"X-Frame-Options": "DENY", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
		"X-Content-Type-Options": "nosniff", "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Resource-Policy": "same-origin"} {
		if v := w.Header().Get(k); v != want {
			t.Errorf("%s = %q, want %q", k, v, want)
		}
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self';") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
}

func TestRecoverPanics(t *testing.T) {
	w := through(recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("DIALLO Aminata") })), "GET", "/", nil)
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "DIALLO") || strings.Contains(w.Body.String(), "goroutine") {
		t.Errorf("status %d, body %q: want 500 without the panic's value or a stack", w.Code, w.Body)
	}
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler passed on", v)
		}
	}()
	through(recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) })), "GET", "/", nil)
}

func TestCheckHost(t *testing.T) {
	hosts := map[string]bool{"127.0.0.1:8080": true, "localhost:8080": true}
	for host, pass := range map[string]bool{"127.0.0.1:8080": true, "localhost:8080": true, "evil.example:8080": false,
		"127.0.0.1:9090": false, "": false} {
		var got bool
		w := through(checkHost(hosts)(reached(&got)), "GET", "/", map[string]string{"Host": host})
		if got != pass || !pass && w.Code != http.StatusForbidden {
			t.Errorf("Host %q: reached %v, status %d", host, got, w.Code)
		}
	}
}

func TestCheckToken(t *testing.T) {
	const token, cookie = "s3cret", "ofiipack_token_8080"
	h := func(got *bool) http.Handler { return checkToken(token, cookie)(reached(got)) }
	var got bool
	// the printed link: a cookie, and a redirect without the token
	w := through(h(&got), "GET", "/?token="+token, nil)
	if got || w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Errorf("link: reached %v, status %d, Location %q", got, w.Code, w.Header().Get("Location"))
	}
	if c := w.Result().Cookies(); len(c) != 1 || c[0].Name != cookie || c[0].Value != token || !c[0].HttpOnly || c[0].SameSite != http.SameSiteStrictMode {
		t.Errorf("cookies %v, want one HttpOnly SameSite=Strict %s", c, cookie)
	}
	for _, tt := range []struct {
		name, method, target, cookie string
		pass                         bool
	}{
		{"cookie", "GET", "/", token, true},
		{"token in a POST's query", "POST", "/check?token=" + token, "", true},
		{"no token", "GET", "/", "", false},
		{"wrong cookie", "GET", "/", "guess", false},
		{"wrong query", "GET", "/?token=guess", "", false},
		{"wrong query, POST", "POST", "/check?token=guess", "", false},
	} {
		got := false
		header := map[string]string{}
		if tt.cookie != "" {
			header["Cookie"] = cookie + "=" + tt.cookie
		}
		w := through(h(&got), tt.method, tt.target, header)
		if got != tt.pass || !tt.pass && w.Code != http.StatusForbidden {
			t.Errorf("%s: reached %v, status %d", tt.name, got, w.Code)
		}
	}
}

func TestCheckOrigin(t *testing.T) {
	origins := map[string]bool{"http://127.0.0.1:8080": true}
	for _, tt := range []struct {
		method, origin string
		pass           bool
	}{
		{"GET", "", true},
		{"POST", "http://127.0.0.1:8080", true},
		{"POST", "", false},
		{"POST", "http://evil.example", false},
		{"POST", "null", false},
	} {
		var got bool
		w := through(checkOrigin(origins)(reached(&got)), tt.method, "/check", map[string]string{"Origin": tt.origin})
		if got != tt.pass || !tt.pass && w.Code != http.StatusForbidden {
			t.Errorf("%s from %q: reached %v, status %d", tt.method, tt.origin, got, w.Code)
		}
	}
}

// chain runs the middlewares in the order given, the first outermost.
func TestChainOrder(t *testing.T) {
	var order []string
	mw := func(name string) middleware {
		return func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				order = append(order, name)
				next.ServeHTTP(w, r)
			})
		}
	}
	var got bool
	through(chain(reached(&got), mw("a"), mw("b"), mw("c")), "GET", "/", nil)
	if strings.Join(order, "") != "abc" || !got {
		t.Errorf("order %v, reached %v", order, got)
	}
}
