package remote

import (
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

func Config(user string, auth []ssh.AuthMethod, hostKey ssh.PublicKey) *ssh.ClientConfig {
	// ruleid: go-ssh-insecure-host-key
	bad := &ssh.ClientConfig{User: user, Auth: auth, HostKeyCallback: ssh.InsecureIgnoreHostKey()}
	// ok: go-ssh-insecure-host-key
	cb, _ := knownhosts.New("/home/app/.ssh/known_hosts")
	// ok: go-ssh-insecure-host-key
	pinned := &ssh.ClientConfig{User: user, Auth: auth, HostKeyCallback: ssh.FixedHostKey(hostKey)}
	_, _ = bad, cb
	return pinned
}
