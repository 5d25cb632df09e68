// Command s3fake-server runs the in-process S3 server of the deploy tests
// (internal/s3fake: objects in memory, SigV4 checked against
// s3fake.AccessKey and s3fake.SecretKey) as a process, for bench/deploy.sh.
// It prints its endpoint URL on one line, then serves until stopped.
//
//	go run ./bench/cmd/s3fake-server [-addr 127.0.0.1:0] [-bucket portal]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"minhbach/internal/s3fake"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	bucket := flag.String("bucket", "portal", "bucket to create")
	flag.Parse()
	s, err := s3fake.New(*addr, *bucket)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.URL)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
	s.Close()
}
