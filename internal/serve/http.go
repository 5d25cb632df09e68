package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"minhbach/internal/diag"
	"minhbach/internal/proof"
)

// EventsPath is where pages listen for rebuilds (server-sent events).
const EventsPath = "/__minhbach/events"

// reloadScript is added to every HTML page the preview serves (never to
// the built files): it reloads the page after a rebuild, or swaps the
// stylesheets named in a "css" event ({"old URL": "new URL"}).
const reloadScript = `<script>(function(){var es=new EventSource("` + EventsPath + `");` +
	`es.addEventListener("reload",function(){es.close();location.reload()});` +
	`es.addEventListener("css",function(e){var m=JSON.parse(e.data);` +
	`document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){var n=m[new URL(l.href).pathname];if(n){l.href=n}})});` +
	`})();</script>`

// inject adds the reload script before </body>, or at the end.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(reloadScript))
	out = append(out, page[:i]...)
	out = append(out, reloadScript...)
	return append(out, page[i:]...)
}

// ServeHTTP serves the site from memory: a path is cleaned before it is
// looked up, so no request reaches outside the built site.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == EventsPath {
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "phương thức không được hỗ trợ", http.StatusMethodNotAllowed)
		return
	}
	clean := path.Clean("/" + r.URL.Path)
	name := strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = strings.TrimPrefix(path.Join(name, "index.html"), "/")
	}
	s.mu.RLock()
	files, errs, site := s.files, s.errs, s.site
	s.mu.RUnlock()

	w.Header().Set("Cache-Control", "no-store")
	isPage := path.Ext(name) == ".html"
	if len(errs) > 0 && isPage {
		writeOverlay(w, errs, s.opt.Lang)
		return
	}
	data, ok := files[name]
	if !ok && name == proof.ManifestPath {
		var err error
		if data, err = s.manifest(files, site); err == nil {
			ok = true
		}
	}
	status := http.StatusOK
	if !ok {
		if _, dir := files[path.Join(name, "index.html")]; dir {
			http.Redirect(w, r, clean+"/", http.StatusMovedPermanently)
			return
		}
		status = http.StatusNotFound
		name = "404.html"
		// A language's own 404 page for a path under its folder
		// (/en/… → en/404.html).
		if seg, _, ok := strings.Cut(strings.TrimPrefix(clean, "/"), "/"); ok {
			if _, has := files[seg+"/404.html"]; has {
				name = seg + "/404.html"
			}
		}
		if data, ok = files[name]; !ok {
			http.Error(w, "không tìm thấy trang", status)
			return
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

var overlay = template.Must(template.New("overlay").Parse(`<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lỗi khi dựng trang – xem trước</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff4f4;color:#1a1a1a}
main{max-width:60rem;margin:2rem auto;padding:1.5rem;background:#fff;border:2px solid #b00020;border-radius:.5rem}
h1{color:#b00020;font-size:1.4rem;margin-top:0}ol{padding-left:1.5rem}li{margin:.5rem 0}
code{font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;word-break:break-word}</style></head>
<body><main role="alert" aria-labelledby="loi">
<h1 id="loi">Không dựng được trang: {{len .}} lỗi</h1>
<p>Bản xem trước vẫn giữ lần dựng tốt gần nhất. Sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại.</p>
<ol>{{range .}}<li><code class="diag"><span class="pos">{{.Pos}}</span>: {{.Text}}</code></li>{{end}}</ol>
</main>
</body></html>`))

// writeOverlay shows every error, with the reload script so that the
// next good build replaces it.
func writeOverlay(w http.ResponseWriter, errs diag.List, lang diag.Lang) {
	type item struct {
		Pos  diag.Pos
		Text string
	}
	items := make([]item, len(errs))
	for i, d := range errs {
		items[i] = item{d.Pos, d.Text(lang)}
	}
	var b bytes.Buffer
	if err := overlay.Execute(&b, items); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write(inject(b.Bytes()))
}

// event is one server-sent event.
type event struct {
	name, data string
}

// hub sends events to every page listening.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
	closed  bool
	done    chan struct{}
}

func (h *hub) doneChan() chan struct{} {
	if h.done == nil {
		h.done = make(chan struct{})
	}
	return h.done
}

func (h *hub) subscribe() (chan event, <-chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan event, 4)
	if h.clients == nil {
		h.clients = map[chan event]bool{}
	}
	h.clients[ch] = true
	return ch, h.doneChan()
}

func (h *hub) unsubscribe(ch chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, ch)
}

// send gives ev to every page; a page too slow to take it misses it.
func (h *hub) send(ev event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- ev:
		default:
		}
	}
}

// close ends every event stream.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.doneChan())
	}
}

// listeners counts the pages listening.
func (h *hub) listeners() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, done := s.hub.subscribe()
	defer s.hub.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 500\n\n")
	fl.Flush()
	keep := time.NewTicker(20 * time.Second)
	defer keep.Stop()
	for {
		select {
		case <-done:
			return
		case <-r.Context().Done():
			return
		case <-keep.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			fl.Flush()
		case ev := <-ch:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
			fl.Flush()
		}
	}
}
