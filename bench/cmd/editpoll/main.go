// Command editpoll times a save in a live preview: it appends a line to a
// content file and polls a page of the preview until the line is served,
// then prints the milliseconds from just before the write to the response
// that holds it.
//
//	editpoll -file content/news/….md -url http://127.0.0.1:1313/tin-tuc/…/ -line "Dòng mới."
//
// It polls every millisecond over one kept-alive connection, so the
// figure is the preview's (watcher, rebuild, HTTP) and not the cost of
// starting a process per poll, as a shell loop of curl has.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	file := flag.String("file", "", "the content file to append to")
	url := flag.String("url", "", "the page that shows it")
	line := flag.String("line", "", "the line to append")
	timeout := flag.Duration("timeout", 5*time.Minute, "how long to wait for the line")
	flag.Parse()
	if *file == "" || *url == "" || *line == "" {
		log.Fatal("give -file, -url and -line")
	}
	client := &http.Client{Timeout: 10 * time.Second}
	want := []byte(*line)
	f, err := os.OpenFile(*file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	if _, err := fmt.Fprintf(f, "\n%s\n", *line); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	for time.Since(start) < *timeout {
		resp, err := client.Get(*url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && bytes.Contains(body, want) {
				fmt.Printf("%.1f\n", float64(time.Since(start).Microseconds())/1000)
				return
			}
		}
		time.Sleep(time.Millisecond)
	}
	log.Fatalf("%s did not show the line within %v", *url, *timeout)
}
