# ruleid: sh-history-tampering
history -c && history -w
# ruleid: sh-history-tampering
unset HISTFILE; export HISTSIZE=0
# ruleid: sh-history-tampering
ln -sf /dev/null ~/.bash_history
# ruleid: sh-history-tampering
shred -u ~/.bash_history
# ok: sh-history-tampering
history | tail -20
# ok: sh-history-tampering
export HISTSIZE=10000
# ok: sh-history-tampering
HISTFILE=~/.bash_history_work
# ok: sh-history-tampering
grep ssh ~/.bash_history
# ok: sh-history-tampering
shopt -s histappend
