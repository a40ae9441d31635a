; lexer.py: words of the text (upper-cased in place, NUL-terminated) into %words; comments dropped.
define internal i1 @is_space(i8 %c) {
entry:
  %sp = icmp eq i8 %c, 32
  %m9 = sub i8 %c, 9
  %ctl = icmp ult i8 %m9, 5
  %m28 = sub i8 %c, 28
  %sep = icmp ult i8 %m28, 4
  %a = or i1 %sp, %ctl
  %b = or i1 %a, %sep
  ret i1 %b
}

define i64 @lexer_tokenize(ptr %text, ptr %words, i64 %capacity) {
entry:
  br label %skip
skip:
  %i = phi i64 [ 0, %entry ], [ %i1, %skip.more ], [ %after, %next.word ], [ %eol, %comment.done ]
  %count = phi i64 [ 0, %entry ], [ %count, %skip.more ], [ %count.next, %next.word ], [ %count, %comment.done ]
  %paren = phi i1 [ false, %entry ], [ %paren, %skip.more ], [ %paren.next, %next.word ], [ %paren, %comment.done ]
  %p = getelementptr i8, ptr %text, i64 %i
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %finish, label %skip.check
skip.check:
  %ws = call i1 @is_space(i8 %c)
  br i1 %ws, label %skip.more, label %scan
skip.more:
  %i1 = add i64 %i, 1
  br label %skip
scan:
  %j = phi i64 [ %i, %skip.check ], [ %j1, %scan.more ]
  %q = getelementptr i8, ptr %text, i64 %j
  %d = load i8, ptr %q
  %d.end = icmp eq i8 %d, 0
  br i1 %d.end, label %cut, label %scan.check
scan.check:
  %d.ws = call i1 @is_space(i8 %d)
  br i1 %d.ws, label %cut, label %scan.more
scan.more:
  %j1 = add i64 %j, 1
  br label %scan
cut:
  store i8 0, ptr %q
  %after0 = add i64 %j, 1
  %after = select i1 %d.end, i64 %j, i64 %after0
  %len = sub i64 %j, %i
  %lastp = getelementptr i8, ptr %q, i64 -1
  %last = load i8, ptr %lastp
  %one = icmp eq i64 %len, 1
  br i1 %paren, label %in.paren, label %classify
in.paren:
  %closes = icmp eq i8 %last, 41
  %still = xor i1 %closes, true
  br label %next.word.skip
classify:
  %is.lp = icmp eq i8 %c, 40
  %is.bs = icmp eq i8 %c, 92
  %open = and i1 %one, %is.lp
  %line = and i1 %one, %is.bs
  br i1 %open, label %next.word.open, label %check.line
check.line:
  br i1 %line, label %comment, label %keep
comment:
  ; `\` drops the rest of its line (unless the word already ended the line)
  %was.nl = icmp eq i8 %d, 10
  %at.end = or i1 %was.nl, %d.end
  br i1 %at.end, label %comment.stay, label %comment.scan
comment.stay:
  br label %next.word.skip0
comment.scan:
  %k = phi i64 [ %after, %comment ], [ %k1, %comment.next ]
  %kp = getelementptr i8, ptr %text, i64 %k
  %kc = load i8, ptr %kp
  %k.nul = icmp eq i8 %kc, 0
  %k.nl = icmp eq i8 %kc, 10
  %k.stop = or i1 %k.nul, %k.nl
  br i1 %k.stop, label %comment.done, label %comment.next
comment.next:
  %k1 = add i64 %k, 1
  br label %comment.scan
comment.done:
  %eol = phi i64 [ %k, %comment.scan ]
  br label %skip
keep:
  br label %upper
upper:
  %u = phi i64 [ %i, %keep ], [ %u1, %upper.next ]
  %up = getelementptr i8, ptr %text, i64 %u
  %uc = load i8, ptr %up
  %u.end = icmp eq i8 %uc, 0
  br i1 %u.end, label %store, label %upper.char
upper.char:
  %ua = sub i8 %uc, 97
  %lower = icmp ult i8 %ua, 26
  %ucap = sub i8 %uc, 32
  %unew = select i1 %lower, i8 %ucap, i8 %uc
  store i8 %unew, ptr %up
  br label %upper.next
upper.next:
  %u1 = add i64 %u, 1
  br label %upper
store:
  %room = icmp slt i64 %count, %capacity
  br i1 %room, label %store.word, label %next.word.skip0
store.word:
  %slot = getelementptr ptr, ptr %words, i64 %count
  store ptr %p, ptr %slot
  %count1 = add i64 %count, 1
  br label %next.word
next.word.open:
  br label %next.word
next.word.skip:
  br label %next.word
next.word.skip0:
  br label %next.word
next.word:
  %count.next = phi i64 [ %count1, %store.word ], [ %count, %next.word.open ], [ %count, %next.word.skip ], [ %count, %next.word.skip0 ]
  %paren.next = phi i1 [ false, %store.word ], [ true, %next.word.open ], [ %still, %next.word.skip ], [ false, %next.word.skip0 ]
  br label %skip
finish:
  ret i64 %count
}

define i64 @lexer_parse_number(ptr %word, ptr %value) {
entry:
  %c0 = load i8, ptr %word
  %minus = icmp eq i8 %c0, 45
  %p1 = getelementptr i8, ptr %word, i64 1
  %c1 = load i8, ptr %p1
  %more = icmp ne i8 %c1, 0
  %signed = and i1 %minus, %more
  %start = select i1 %signed, i64 1, i64 0
  %first.p = getelementptr i8, ptr %word, i64 %start
  %first = load i8, ptr %first.p
  %empty = icmp eq i8 %first, 0
  br i1 %empty, label %no, label %loop
loop:
  %i = phi i64 [ %start, %entry ], [ %i1, %digit ]
  %acc = phi i64 [ 0, %entry ], [ %acc1, %digit ]
  %p = getelementptr i8, ptr %word, i64 %i
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %yes, label %check
check:
  %d8 = sub i8 %c, 48
  %isd = icmp ult i8 %d8, 10
  br i1 %isd, label %digit, label %no
digit:
  %d = zext i8 %d8 to i64
  %a10 = mul i64 %acc, 10
  %acc1 = add i64 %a10, %d
  %i1 = add i64 %i, 1
  br label %loop
yes:
  %neg = sub i64 0, %acc
  %v = select i1 %signed, i64 %neg, i64 %acc
  store i64 %v, ptr %value
  ret i64 1
no:
  store i64 0, ptr %value
  ret i64 0
}
