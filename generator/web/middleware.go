package web

import (
	"crypto/subtle"
	"io"
	"net/http"
)

// A middleware checks or decorates a request before the handler it wraps.
// Each one here does one thing and is tested alone (middleware_test.go);
// New chains them, as syncthing's lib/api does.
type middleware func(next http.Handler) http.Handler

// chain wraps h in the middlewares, the first one outermost: a request
// goes through them in the order given.
func chain(h http.Handler, mws ...middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// securityHeaders forbids everything but the server itself, framing,
// sniffing, referrers and caching, on every response.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// Only the server itself; blob: for the pack that the page shows
		// in the browser's PDF viewer (a blob's page inherits this policy,
		// and the viewer is an embedded object).
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics answers a panic with a short message: the value may hold
// the applicant's data, so it is neither logged nor shown.
func recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				writeProblems(w, http.StatusInternalServerError, problem("", "web.internal"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// checkHost refuses a Host the server does not answer to (DNS rebinding:
// another site reaching the server through a name of its own).
func checkHost(hosts map[string]bool) middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !hosts[r.Host] {
				forbid(w, "web.forbidden_host")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// checkToken refuses a request without the token, in the cookie or the
// query. The link that ofiipack serve prints (a GET with the token) sets
// the cookie, which no script and no other site can read, and redirects to
// the same page without the token in the address bar.
func checkToken(token, cookie string) middleware {
	ok := func(t string) bool { return subtle.ConstantTimeCompare([]byte(t), []byte(token)) == 1 }
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			q := r.URL.Query().Get("token")
			if q != "" && ok(q) && r.Method == http.MethodGet {
				http.SetCookie(w, &http.Cookie{Name: cookie, Value: q, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
				http.Redirect(w, r, "/", http.StatusSeeOther)
				return
			}
			if c, err := r.Cookie(cookie); (err != nil || !ok(c.Value)) && !ok(q) {
				forbid(w, "web.forbidden_token")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// checkOrigin refuses a POST from another origin (CSRF).
func checkOrigin(origins map[string]bool) middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost && !origins[r.Header.Get("Origin")] {
				forbid(w, "web.forbidden_origin")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func forbid(w http.ResponseWriter, key string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	io.WriteString(w, say(key)+"\n")
}
