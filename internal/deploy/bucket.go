package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"

	"minhbach/internal/diag"
)

// metaStamp is the object metadata (x-amz-meta-minhbach-hash) that holds
// an object's stamp.
const metaStamp = "minhbach-hash"

// Bucket is a target that is a bucket, or a prefix in one, of an
// S3-compatible object store (AWS, MinIO, Ceph, a provider's). It keeps
// the headers of each object and its stamp in the object's metadata, and
// the stamps of all objects in the object .minhbach/deploy-state.json, so
// that a deploy lists the bucket and reads one object instead of asking
// for every object's metadata.
type Bucket struct {
	client         *s3.Client
	bucket, prefix string
	name           string

	mu      sync.Mutex
	state   map[string]bucketEntry
	retired map[string]time.Time
}

// bucketEntry is what the state object remembers of an object: its stamp,
// and the size and ETag it had when put, to tell whether it was replaced
// since by something else (then its metadata is read).
type bucketEntry struct {
	Stamp string `json:"stamp"`
	Size  int64  `json:"size"`
	ETag  string `json:"etag"`
}

// OpenBucket opens the target s3://bucket/prefix?endpoint=…&region=…&profile=….
// The credentials come from the standard AWS environment variables
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) or profile
// (AWS_PROFILE, ~/.aws/credentials). With an endpoint (MinIO, Ceph, a
// provider) buckets are addressed by path. Checksums are sent and checked
// only where the S3 API requires them: many S3-compatible servers reject
// the checksum headers that current AWS SDKs send by default.
func OpenBucket(ctx context.Context, target string) (*Bucket, error) {
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "s3" || u.Host == "" {
		return nil, &Error{Msg: diag.Msgf("the target %q names no bucket: write s3://BUCKET/prefix", target)}
	}
	q := u.Query()
	endpoint := q.Get("endpoint")
	opts := []func(*awsconfig.LoadOptions) error{
		awsconfig.WithRetryMaxAttempts(3),
		awsconfig.WithHTTPClient(awshttp.NewBuildableClient().
			WithDialerOptions(func(d *net.Dialer) { d.Timeout = 10 * time.Second }).
			WithTimeout(5 * time.Minute)),
	}
	if r := q.Get("region"); r != "" {
		opts = append(opts, awsconfig.WithRegion(r))
	}
	if p := q.Get("profile"); p != "" {
		opts = append(opts, awsconfig.WithSharedConfigProfile(p))
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, &Error{Msg: diag.Msgf("cannot read the AWS settings (%v): check AWS_PROFILE and ~/.aws/config", err), Err: err}
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1" // what MinIO and Ceph answer to by default
	}
	if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
		return nil, &Error{Msg: diag.Msgf("no credentials for %s: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE", target), Err: err}
	}
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
			o.UsePathStyle = true
		}
		o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	})
	prefix := strings.Trim(u.Path, "/")
	if prefix != "" {
		prefix += "/"
	}
	name := "s3://" + u.Host + "/" + prefix
	if endpoint != "" {
		name += " (" + endpoint + ")"
	}
	return &Bucket{client: client, bucket: u.Host, prefix: prefix, name: name, state: map[string]bucketEntry{}}, nil
}

func (b *Bucket) String() string     { return b.name }
func (b *Bucket) KeepsHeaders() bool { return true }

// List lists the objects under the prefix and reads the state object; the
// stamp of an object the state does not know, or knows with another size
// or ETag, is read from its metadata.
func (b *Bucket) List(ctx context.Context) (map[string]string, error) {
	type listed struct {
		size int64
		etag string
	}
	objs := map[string]listed{}
	pages := s3.NewListObjectsV2Paginator(b.client, &s3.ListObjectsV2Input{Bucket: &b.bucket, Prefix: aws.String(b.prefix)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, b.explain(err)
		}
		for _, o := range page.Contents {
			rel := strings.TrimPrefix(aws.ToString(o.Key), b.prefix)
			if rel == "" || rel == StateDir || strings.HasPrefix(rel, StateDir+"/") {
				continue
			}
			objs[rel] = listed{aws.ToInt64(o.Size), aws.ToString(o.ETag)}
		}
	}
	var saved struct {
		Objects map[string]bucketEntry `json:"objects"`
		Retired map[string]time.Time   `json:"retired"`
	}
	got, err := b.client.GetObject(ctx, &s3.GetObjectInput{Bucket: &b.bucket, Key: aws.String(b.prefix + stateFile)})
	if err == nil {
		data, rerr := io.ReadAll(got.Body)
		got.Body.Close()
		if rerr != nil {
			return nil, b.explain(rerr)
		}
		_ = json.Unmarshal(data, &saved) // a damaged state only costs reading metadata
	} else if !notFound(err) {
		return nil, b.explain(err)
	}

	state := map[string]bucketEntry{}
	var unknown []string
	for p, o := range objs {
		if e, ok := saved.Objects[p]; ok && e.Size == o.size && e.ETag == o.etag {
			state[p] = e
		} else {
			unknown = append(unknown, p)
		}
	}
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		next  = make(chan string)
		first error
	)
	for range 8 {
		wg.Go(func() {
			for p := range next {
				h, err := b.client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &b.bucket, Key: aws.String(b.prefix + p)})
				mu.Lock()
				switch {
				case err == nil:
					state[p] = bucketEntry{Stamp: h.Metadata[metaStamp], Size: aws.ToInt64(h.ContentLength), ETag: aws.ToString(h.ETag)}
				case notFound(err): // deleted meanwhile
				default:
					first = cmpErr(first, b.explain(err))
				}
				mu.Unlock()
			}
		})
	}
	for _, p := range unknown {
		next <- p
	}
	close(next)
	wg.Wait()
	if first != nil {
		return nil, first
	}
	out := make(map[string]string, len(state))
	for p, e := range state {
		out[p] = e.Stamp
	}
	b.mu.Lock()
	b.state, b.retired = state, saved.Retired
	b.mu.Unlock()
	return out, nil
}

// Put uploads data with f's headers and stamp.
func (b *Bucket) Put(ctx context.Context, f *File, data []byte) error {
	stamp := f.Stamp(true)
	in := &s3.PutObjectInput{
		Bucket:        &b.bucket,
		Key:           aws.String(b.prefix + f.Path),
		Body:          bytes.NewReader(data),
		ContentLength: aws.Int64(int64(len(data))),
		ContentType:   aws.String(f.Headers.ContentType),
		CacheControl:  aws.String(f.Headers.CacheControl),
		Metadata:      map[string]string{metaStamp: stamp},
	}
	if f.Headers.ContentEncoding != "" {
		in.ContentEncoding = aws.String(f.Headers.ContentEncoding)
	}
	out, err := b.client.PutObject(ctx, in)
	if err != nil {
		return b.explain(err)
	}
	b.mu.Lock()
	b.state[f.Path] = bucketEntry{Stamp: stamp, Size: int64(len(data)), ETag: aws.ToString(out.ETag)}
	b.mu.Unlock()
	return nil
}

// Delete removes the object at p.
func (b *Bucket) Delete(ctx context.Context, p string) error {
	if _, err := b.client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &b.bucket, Key: aws.String(b.prefix + p)}); err != nil {
		return b.explain(err)
	}
	b.mu.Lock()
	delete(b.state, p)
	b.mu.Unlock()
	return nil
}

// Save writes the state object.
func (b *Bucket) Save(ctx context.Context) error {
	b.mu.Lock()
	data, err := json.Marshal(map[string]any{"version": 1, "objects": b.state, "retired": b.retired})
	b.mu.Unlock()
	if err != nil {
		return err
	}
	_, err = b.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: &b.bucket, Key: aws.String(b.prefix + stateFile), Body: bytes.NewReader(data),
		ContentLength: aws.Int64(int64(len(data))), ContentType: aws.String("application/json"),
		CacheControl: aws.String("no-store"),
	})
	if err != nil {
		return b.explain(err)
	}
	return nil
}

// notFound reports whether err says the object does not exist.
func notFound(err error) bool {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		switch ae.ErrorCode() {
		case "NoSuchKey", "NotFound":
			return true
		}
	}
	return false
}

// explain turns an error of the S3 client into one line saying what to fix.
func (b *Bucket) explain(err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		switch ae.ErrorCode() {
		case "InvalidAccessKeyId":
			return &Error{Msg: diag.Msgf("%s does not know the access key: check AWS_ACCESS_KEY_ID (or the profile in AWS_PROFILE)", b.name), Err: err}
		case "SignatureDoesNotMatch":
			return &Error{Msg: diag.Msgf("%s refused the secret key: check AWS_SECRET_ACCESS_KEY (or the profile in AWS_PROFILE)", b.name), Err: err}
		case "AccessDenied", "Forbidden", "AllAccessDisabled":
			return &Error{Msg: diag.Msgf("%s refused access: the key needs the right to list, read, write and delete objects in bucket %q", b.name, b.bucket), Err: err}
		case "NoSuchBucket":
			return &Error{Msg: diag.Msgf("there is no bucket %q at %s: check the target's bucket name and endpoint", b.bucket, b.name), Err: err}
		case "InvalidBucketName":
			return &Error{Msg: diag.Msgf("%q is not a valid bucket name: check the target", b.bucket), Err: err}
		}
		return &Error{Msg: diag.Msgf("%s answered %s: %s", b.name, ae.ErrorCode(), ae.ErrorMessage()), Err: err}
	}
	var dns *net.DNSError
	var op *net.OpError
	if errors.As(err, &dns) || errors.As(err, &op) || errors.Is(err, context.DeadlineExceeded) {
		cause := err
		if op != nil {
			cause = op
		} else if dns != nil {
			cause = dns
		}
		return &Error{Msg: diag.Msgf("cannot reach %s (%v): check the endpoint address in the target, and the network", b.name, cause), Err: err}
	}
	return err
}

// Retired returns the record of superseded files kept, read by List.
func (b *Bucket) Retired() map[string]time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.retired
}

// SetRetired replaces the record of superseded files kept; Save keeps it.
func (b *Bucket) SetRetired(r map[string]time.Time) {
	b.mu.Lock()
	b.retired = r
	b.mu.Unlock()
}
