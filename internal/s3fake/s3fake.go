// Package s3fake runs an S3-compatible server in the test process, on
// 127.0.0.1, for the tests of `minhbach deploy`: CI needs no Docker and
// no server started by hand. It is github.com/johannesboyne/gofakes3
// (objects in memory) behind a front that does what gofakes3 does not:
//
//   - it checks each request's AWS Signature Version 4 against one access
//     key and secret, answering 403 InvalidAccessKeyId or
//     SignatureDoesNotMatch as S3 does;
//   - it keeps Cache-Control with the object (gofakes3 keeps only
//     Content-Type, Content-Encoding and x-amz-meta-*);
//   - it lets anyone read (GET, HEAD without a signature), as a bucket
//     that serves a website does;
//   - it records every change (PUT, DELETE) in order, and can fail the
//     uploads after the n-th, to test an interrupted deploy.
//
// Only tests import it.
package s3fake

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// The credentials the server accepts.
const (
	AccessKey = "MINHBACHTESTKEY"
	SecretKey = "minhbach-test-secret"
	Region    = "us-east-1"
)

// keptCacheControl is the header under which the front stores
// Cache-Control in gofakes3 (which keeps X-Amz-* headers).
const keptCacheControl = "X-Amz-Fake-Cache-Control"

// Server is a running fake S3 server.
type Server struct {
	// URL is the endpoint, http://127.0.0.1:PORT.
	URL     string
	backend *s3mem.Backend
	inner   http.Handler
	srv     *http.Server

	mu        sync.Mutex
	ops       []string
	failAfter int // uploads left before failing; -1: never
}

// Start starts a server with the given buckets; it stops when the test ends.
func Start(t testing.TB, buckets ...string) *Server {
	t.Helper()
	s, err := New("127.0.0.1:0", buckets...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// New starts a server listening on addr with the given buckets (for a
// benchmark; tests use Start).
func New(addr string, buckets ...string) (*Server, error) {
	be := s3mem.New()
	for _, b := range buckets {
		if err := be.CreateBucket(b); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String(), backend: be, failAfter: -1,
		inner: gofakes3.New(be, gofakes3.WithoutVersioning()).Server()}
	s.srv = &http.Server{Handler: s}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

// Ops returns the changes made so far, in order: "PUT key", "DELETE key".
func (s *Server) Ops() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.ops...)
}

// ResetOps forgets the changes recorded.
func (s *Server) ResetOps() {
	s.mu.Lock()
	s.ops = nil
	s.mu.Unlock()
}

// FailUploadsAfter makes every upload after the next n fail with 500
// InternalError, until called with a negative n.
func (s *Server) FailUploadsAfter(n int) {
	s.mu.Lock()
	s.failAfter = n
	s.mu.Unlock()
}

// ServeHTTP checks the signature, then serves the request with gofakes3.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if code, msg := s.check(r); code != "" {
		writeError(w, http.StatusForbidden, code, msg)
		return
	}
	object := strings.Count(strings.Trim(r.URL.Path, "/"), "/") >= 1
	switch {
	case r.Method == http.MethodPut && object:
		s.mu.Lock()
		fail := s.failAfter == 0
		if s.failAfter > 0 {
			s.failAfter--
		}
		if !fail {
			s.ops = append(s.ops, "PUT "+r.URL.Path)
		}
		s.mu.Unlock()
		if fail {
			writeError(w, http.StatusInternalServerError, "InternalError", "We encountered an internal error. Please try again.")
			return
		}
		if cc := r.Header.Get("Cache-Control"); cc != "" {
			r.Header.Set(keptCacheControl, cc)
		}
	case r.Method == http.MethodDelete && object:
		s.mu.Lock()
		s.ops = append(s.ops, "DELETE "+r.URL.Path)
		s.mu.Unlock()
	}
	cw := &cacheControlWriter{ResponseWriter: w}
	s.inner.ServeHTTP(cw, r)
	if !cw.wrote { // a HEAD answered without a WriteHeader
		cw.WriteHeader(http.StatusOK)
	}
}

// cacheControlWriter gives back, as Cache-Control, the value kept.
type cacheControlWriter struct {
	http.ResponseWriter
	wrote bool
}

func (c *cacheControlWriter) WriteHeader(code int) {
	if !c.wrote {
		c.wrote = true
		h := c.Header()
		if v := h.Get(keptCacheControl); v != "" {
			h.Set("Cache-Control", v)
			h.Del(keptCacheControl)
		}
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *cacheControlWriter) Write(b []byte) (int, error) {
	if !c.wrote {
		c.WriteHeader(http.StatusOK)
	}
	return c.ResponseWriter.Write(b)
}

// check verifies the request's Signature Version 4 and returns the S3
// error code and message when it is not good.
func (s *Server) check(r *http.Request) (code, msg string) {
	auth := r.Header.Get("Authorization")
	if auth == "" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		return "", "" // the buckets are public for reading, as a website's are
	}
	fields := map[string]string{}
	for _, part := range strings.Split(strings.TrimPrefix(auth, "AWS4-HMAC-SHA256 "), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		fields[k] = v
	}
	cred := strings.Split(fields["Credential"], "/")
	if !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 ") || len(cred) != 5 {
		return "AccessDenied", "Anonymous access is forbidden"
	}
	if cred[0] != AccessKey {
		return "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."
	}
	when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		return "AccessDenied", "no X-Amz-Date"
	}
	// Sign the same request again, with only the headers it signed.
	req := r.Clone(context.Background())
	req.Header = http.Header{}
	for _, h := range strings.Split(fields["SignedHeaders"], ";") {
		if h != "host" {
			req.Header[http.CanonicalHeaderKey(h)] = r.Header.Values(h)
		}
	}
	req.URL.Scheme, req.URL.Host = "http", r.Host
	signer := v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })
	err = signer.SignHTTP(context.Background(), aws.Credentials{AccessKeyID: AccessKey, SecretAccessKey: SecretKey},
		req, r.Header.Get("X-Amz-Content-Sha256"), "s3", cred[2], when)
	if err != nil {
		return "AccessDenied", err.Error()
	}
	if !strings.HasSuffix(req.Header.Get("Authorization"), "Signature="+fields["Signature"]) {
		return "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method."
	}
	return "", ""
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>%s</Code><Message>%s</Message></Error>`, code, msg)
}
