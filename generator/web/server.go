// Package web is the local web form of `ofiipack serve` (SPEC §5): a form
// for the volunteer who will never write YAML, served on the loopback
// interface to one browser, on the same load → plan → render functions as
// the command line.
//
// What protects the applicant's data:
//
//   - the server listens on a loopback address only (the command checks);
//   - every request carries a random token (cookie or query), and a Host of
//     127.0.0.1:PORT or localhost:PORT, else 403: another site cannot reach
//     the server through a DNS name of its own (DNS rebinding);
//   - every POST carries the server's own Origin, else 403 (CSRF);
//   - every response forbids everything but the server itself (CSP) and
//     caching; the page needs no network;
//   - nothing is written to disk, nothing is kept after the response, and
//     no value is logged: a panic is answered with a short message, never a
//     stack trace.
package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/net/netutil"

	"github.com/ofiipack/ofiipack/generator/applicant"
	"github.com/ofiipack/ofiipack/generator/civil"
)

// Options are what the server is started with.
type Options struct {
	// Token is the secret every request carries; see NewToken.
	Token string
	// Port is the port the server listens on, for the Host and Origin checks.
	Port int
	// Org, when set, is printed on the packs instead of the file's
	// organisation (`--org`).
	Org *applicant.Organisation
	// Today is the run's date when the form gives none (`--date`, or the
	// current date in Europe/Paris).
	Today func() civil.Date
}

// NewToken returns 32 random bytes, URL-safe base64 (SPEC §5).
func NewToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Server answers the form's requests.
type Server struct {
	opts    Options
	hosts   map[string]bool // the Host values accepted
	origins map[string]bool // the Origin values accepted on a POST
	cookie  string          // the token cookie's name: one per port
	mux     *http.ServeMux
	handler http.Handler  // mux behind the checks (middleware.go)
	renders chan struct{} // bounds the PDFs built at once
	budget  *budget       // bounds the bodies read and parsed at once (budget.go)
}

// maxRenders is the number of PDFs built at once; more requests wait. A
// pack takes a few megabytes while it is built: a page that sends many
// requests at once must not take the machine's memory.
const maxRenders = 4

// New returns the server's handler.
func New(opts Options) (*Server, error) {
	if opts.Token == "" || opts.Port <= 0 || opts.Today == nil {
		return nil, errors.New("web: token, port and today are required")
	}
	port := strconv.Itoa(opts.Port)
	s := &Server{
		opts:    opts,
		hosts:   map[string]bool{},
		origins: map[string]bool{},
		cookie:  "ofiipack_token_" + port,
		mux:     http.NewServeMux(),
		renders: make(chan struct{}, maxRenders),
		budget:  newBudget(budgetUnits),
	}
	for _, h := range []string{"127.0.0.1", "localhost", "[::1]"} {
		s.hosts[h+":"+port] = true
		s.origins["http://"+h+":"+port] = true
	}
	s.routes()
	s.handler = chain(s.mux,
		securityHeaders,
		recoverPanics,
		checkHost(s.hosts),
		checkToken(opts.Token, s.cookie),
		checkOrigin(s.origins))
	return s, nil
}

// ServeHTTP checks the request, then answers it (see handler).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// The time a request may take to send its body, and to be answered, from
// the moment it is read (or given its share of the budget: budget.go).
const (
	readTimeout  = time.Minute
	writeTimeout = 2 * time.Minute
)

// Serve answers requests on l until ctx is done, then lets the requests
// under way finish (for at most a few seconds). Nothing is logged: the
// server's own error log (a client that hung up, a bad request line) goes
// nowhere, since it could quote a request.
func Serve(ctx context.Context, l net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(netutil.LimitListener(l, maxConns)) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shutdown)
	if errors.Is(err, context.DeadlineExceeded) {
		err = srv.Close()
	}
	if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}
