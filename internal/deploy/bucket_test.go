package deploy

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"minhbach/internal/config"
	"minhbach/internal/s3fake"
)

// credentials sets the AWS environment of a test: the given keys, no
// profile files, no EC2 metadata service.
func credentials(t *testing.T, key, secret string) {
	t.Setenv("AWS_ACCESS_KEY_ID", key)
	t.Setenv("AWS_SECRET_ACCESS_KEY", secret)
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_REGION", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func openBucket(t *testing.T, target string) *Bucket {
	t.Helper()
	b, err := OpenBucket(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// head returns the headers and metadata of an object on the fake server.
func head(t *testing.T, b *Bucket, key string) *s3.HeadObjectOutput {
	t.Helper()
	h, err := b.client.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: &b.bucket, Key: aws.String(b.prefix + key)})
	if err != nil {
		t.Fatalf("head %s: %v", key, err)
	}
	return h
}

func TestBucket(t *testing.T) {
	credentials(t, s3fake.AccessKey, s3fake.SecretKey)
	srv := s3fake.Start(t, "portal")
	target := "s3://portal/cong?endpoint=" + srv.URL + "&region=" + s3fake.Region
	dir := site(t)

	// First deploy: every file but the .gz twin, in groups.
	plan, sum, err := deploy(t, dir, openBucket(t, target), ScanOptions{}, Options{Workers: 1})
	if err != nil || sum.Uploaded != 13 {
		t.Fatalf("first deploy: err %v, %+v", err, sum)
	}
	var puts []string
	for _, op := range srv.Ops() {
		if p, ok := strings.CutPrefix(op, "PUT /portal/cong/"); ok && !strings.HasPrefix(p, StateDir) {
			puts = append(puts, p)
		}
	}
	want := make([]string, len(plan.Upload))
	for i, f := range plan.Upload {
		want[i] = f.Path
	}
	if !slices.Equal(puts, want) {
		t.Errorf("uploads in order %v, want %v", puts, want)
	}

	// Headers on the objects.
	b := openBucket(t, target)
	for _, c := range []struct{ key, ctype, cache string }{
		{"index.html", "text/html; charset=utf-8", Short},
		{"assets/css/app.77c7caf3.css", "text/css; charset=utf-8", Immutable},
		{"tim-kiem/index/2cbf4484f78a.json", "application/json; charset=utf-8", Immutable},
		{"tin-tuc/atom.xml", "application/atom+xml; charset=utf-8", Short},
		{"van-ban/1/tep/quyet-dinh.pdf", "application/pdf", Medium},
	} {
		h := head(t, b, c.key)
		if aws.ToString(h.ContentType) != c.ctype || aws.ToString(h.CacheControl) != c.cache || h.Metadata[metaStamp] == "" {
			t.Errorf("%s: Content-Type %q, Cache-Control %q, stamp %q; want %q, %q", c.key,
				aws.ToString(h.ContentType), aws.ToString(h.CacheControl), h.Metadata[metaStamp], c.ctype, c.cache)
		}
	}

	// One edit and one removed page: one upload, then the delete, last.
	write(t, dir, "tin-tuc/2026/01/mot/index.html", "<!doctype html><title>Tin một (sửa)</title>")
	os.Remove(filepath.Join(dir, "tin-tuc/2026/02/hai/index.html"))
	srv.ResetOps()
	_, sum, err = deploy(t, dir, openBucket(t, target), ScanOptions{}, Options{})
	ops := srv.Ops()
	if err != nil || sum.Uploaded != 1 || sum.Deleted != 1 || len(ops) != 4 ||
		ops[0] != "PUT /portal/cong/tin-tuc/2026/01/mot/index.html" || ops[1] != "PUT /portal/cong/.minhbach/deploy-state.json" ||
		ops[2] != "DELETE /portal/cong/tin-tuc/2026/02/hai/index.html" || ops[3] != ops[1] {
		t.Errorf("second deploy: err %v, %+v, requests %v", err, sum, ops)
	}

	// A header rule changed: the objects it matches are uploaded again.
	rules := NewRules([]config.HeaderRule{{Match: "**/*.pdf", CacheControl: "public, max-age=60"}})
	_, sum, err = deploy(t, dir, openBucket(t, target), ScanOptions{Rules: rules}, Options{})
	if err != nil || sum.Uploaded != 1 || aws.ToString(head(t, b, "van-ban/1/tep/quyet-dinh.pdf").CacheControl) != "public, max-age=60" {
		t.Errorf("after the rule changed: err %v, %+v", err, sum)
	}

	// gzip: the twin's bytes under the plain name.
	_, sum, err = deploy(t, dir, openBucket(t, target), ScanOptions{Rules: rules, Gzip: true}, Options{})
	if h := head(t, b, "index.html"); err != nil || sum.Uploaded != 1 || aws.ToString(h.ContentEncoding) != "gzip" || aws.ToInt64(h.ContentLength) != int64(len("GZ-of-index")) {
		t.Errorf("with gzip: err %v, %+v, Content-Encoding %q", err, sum, aws.ToString(h.ContentEncoding))
	}
}

func TestBucketInterruptedThenRerun(t *testing.T) {
	credentials(t, s3fake.AccessKey, s3fake.SecretKey)
	srv := s3fake.Start(t, "portal")
	target := "s3://portal?endpoint=" + srv.URL
	dir := site(t)
	if _, _, err := deploy(t, dir, openBucket(t, target), ScanOptions{}, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "404.html", "tin-tuc/2026/01/mot/index.html", "tin-tuc/2026/02/hai/index.html"} {
		write(t, dir, p, "<!doctype html><title>mới "+p+"</title>")
	}
	os.Remove(filepath.Join(dir, "robots.txt"))
	// The server fails from the 3rd upload on, the state file's too: the
	// rerun must find what was done from the objects' metadata.
	srv.FailUploadsAfter(2)
	srv.ResetOps()
	_, sum, err := deploy(t, dir, openBucket(t, target), ScanOptions{}, Options{Workers: 1})
	if err == nil || sum.Uploaded != 2 || sum.Deleted != 0 {
		t.Fatalf("interrupted deploy: err %v, %+v", err, sum)
	}
	for _, op := range srv.Ops() {
		if strings.HasPrefix(op, "DELETE") {
			t.Errorf("an interrupted deploy deleted: %s", op)
		}
	}
	srv.FailUploadsAfter(-1)
	_, sum, err = deploy(t, dir, openBucket(t, target), ScanOptions{}, Options{})
	if err != nil || sum.Uploaded != 2 || sum.Deleted != 1 {
		t.Errorf("rerun: err %v, %+v; want the 2 uploads left and the delete", err, sum)
	}
	if _, sum, _ = deploy(t, dir, openBucket(t, target), ScanOptions{}, Options{}); sum.Uploaded != 0 {
		t.Errorf("a third deploy still uploads %d files", sum.Uploaded)
	}
}

func TestBucketErrors(t *testing.T) {
	srv := s3fake.Start(t, "portal")
	dir := site(t)
	credentials(t, s3fake.AccessKey, s3fake.SecretKey)
	if _, _, err := deploy(t, dir, openBucket(t, "s3://portal?endpoint="+srv.URL), ScanOptions{}, Options{}); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "robots.txt"))

	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := "http://" + ln.Addr().String()
	ln.Close()
	for _, c := range []struct {
		name, key, secret, target, want string
	}{
		{"wrong key", "NOSUCHKEY", s3fake.SecretKey, "s3://portal?endpoint=" + srv.URL, "does not know the access key: check AWS_ACCESS_KEY_ID"},
		{"wrong secret", s3fake.AccessKey, "wrong", "s3://portal?endpoint=" + srv.URL, "refused the secret key: check AWS_SECRET_ACCESS_KEY"},
		{"no bucket", s3fake.AccessKey, s3fake.SecretKey, "s3://nosuch?endpoint=" + srv.URL, `there is no bucket "nosuch"`},
		{"unreachable", s3fake.AccessKey, s3fake.SecretKey, "s3://portal?endpoint=" + closed, "cannot reach s3://portal/ (" + closed + ")"},
		{"no credentials", "", "", "s3://portal?endpoint=" + srv.URL, "no credentials for s3://portal?endpoint="},
	} {
		t.Run(c.name, func(t *testing.T) {
			credentials(t, c.key, c.secret)
			srv.ResetOps()
			start := time.Now()
			b, err := OpenBucket(context.Background(), c.target)
			if err == nil {
				_, err = b.List(context.Background())
			}
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(e.Error(), c.want) {
				t.Errorf("err %v, want an *Error with %q", err, c.want)
			}
			if len(srv.Ops()) != 0 {
				t.Errorf("changed the bucket: %v", srv.Ops())
			}
			t.Logf("%s in %v: %v", c.name, time.Since(start).Round(time.Millisecond), err)
		})
	}
}
