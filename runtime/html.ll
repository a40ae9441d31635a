;===- html.ll - html_builder: bounded appends with entity escaping -------===;
;
; Handlers build pages in the buffer they are given. Every function appends at position %pos of
; buf[0..size) and returns the new position, or -1 when it does not fit; a -1 position makes every
; later append return -1 too, so a handler checks once at the end (the seed's builder pattern).
; Text from a request goes through html_append_escaped, which writes < > & " ' as entities.
;
; Runtime functions used: copy_bytes, str_len, format_i64.
;
;===----------------------------------------------------------------------===;

declare void @copy_bytes(ptr, ptr, i64)
declare i64 @str_len(ptr)
declare i64 @format_i64(i64, ptr, i64)

@html_amp = private constant [5 x i8] c"&amp;"
@html_lt = private constant [4 x i8] c"&lt;"
@html_gt = private constant [4 x i8] c"&gt;"
@html_quot = private constant [6 x i8] c"&quot;"
@html_apos = private constant [5 x i8] c"&#39;"

; Appends s[0..len) unchanged.
define i64 @html_append(ptr %buf, i64 %size, i64 %pos, ptr %s, i64 %len) #0 {
entry:
  %bad_pos = icmp slt i64 %pos, 0
  %bad_len = icmp slt i64 %len, 0
  %bad = or i1 %bad_pos, %bad_len
  br i1 %bad, label %fail, label %check
check:
  %room = sub i64 %size, %pos
  %fits = icmp sle i64 %len, %room
  br i1 %fits, label %copy, label %fail
copy:
  %dst = getelementptr i8, ptr %buf, i64 %pos
  call void @copy_bytes(ptr %dst, ptr %s, i64 %len)
  %end = add i64 %pos, %len
  ret i64 %end
fail:
  ret i64 -1
}

; Appends the NUL-terminated string s unchanged.
define i64 @html_append_str(ptr %buf, i64 %size, i64 %pos, ptr %s) #0 {
entry:
  %len = call i64 @str_len(ptr %s)
  %r = call i64 @html_append(ptr %buf, i64 %size, i64 %pos, ptr %s, i64 %len)
  ret i64 %r
}

; Appends the decimal form of a signed value.
define i64 @html_append_i64(ptr %buf, i64 %size, i64 %pos, i64 %value) #0 {
entry:
  %bad = icmp slt i64 %pos, 0
  br i1 %bad, label %fail, label %format
format:
  %at = getelementptr i8, ptr %buf, i64 %pos
  %room = sub i64 %size, %pos
  %n = call i64 @format_i64(i64 %value, ptr %at, i64 %room)
  %none = icmp slt i64 %n, 0
  %end = add i64 %pos, %n
  %r = select i1 %none, i64 -1, i64 %end
  ret i64 %r
fail:
  ret i64 -1
}

; Appends s[0..len) with & < > " ' written as &amp; &lt; &gt; &quot; &#39;. Other bytes pass
; through unchanged (UTF-8 stays UTF-8).
define i64 @html_append_escaped(ptr %buf, i64 %size, i64 %pos, ptr %s, i64 %len) #0 {
entry:
  %bad = icmp slt i64 %pos, 0
  br i1 %bad, label %fail, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %at = phi i64 [ %pos, %entry ], [ %at1, %next ]
  %more = icmp slt i64 %i, %len
  br i1 %more, label %byte, label %done
byte:
  %p = getelementptr i8, ptr %s, i64 %i
  %c = load i8, ptr %p
  %i1 = add i64 %i, 1
  switch i8 %c, label %plain [
    i8 38, label %amp
    i8 60, label %lt
    i8 62, label %gt
    i8 34, label %quot
    i8 39, label %apos
  ]
amp:
  br label %entity
lt:
  br label %entity
gt:
  br label %entity
quot:
  br label %entity
apos:
  br label %entity
entity:
  %e = phi ptr [ @html_amp, %amp ], [ @html_lt, %lt ], [ @html_gt, %gt ], [ @html_quot, %quot ],
               [ @html_apos, %apos ]
  %el = phi i64 [ 5, %amp ], [ 4, %lt ], [ 4, %gt ], [ 6, %quot ], [ 5, %apos ]
  %ae = call i64 @html_append(ptr %buf, i64 %size, i64 %at, ptr %e, i64 %el)
  br label %next
plain:
  %full = icmp sge i64 %at, %size
  br i1 %full, label %fail, label %store
store:
  %dst = getelementptr i8, ptr %buf, i64 %at
  store i8 %c, ptr %dst
  %ap = add i64 %at, 1
  br label %next
next:
  %at1 = phi i64 [ %ae, %entity ], [ %ap, %store ]
  %failed = icmp slt i64 %at1, 0
  br i1 %failed, label %fail, label %loop
done:
  ret i64 %at
fail:
  ret i64 -1
}

; Appends the NUL-terminated string s escaped.
define i64 @html_append_escaped_str(ptr %buf, i64 %size, i64 %pos, ptr %s) #0 {
entry:
  %len = call i64 @str_len(ptr %s)
  %r = call i64 @html_append_escaped(ptr %buf, i64 %size, i64 %pos, ptr %s, i64 %len)
  ret i64 %r
}

; Escapes src[0..len) into dst[0..dst_size); returns the bytes written or -1 when it does not fit.
define i64 @html_escape(ptr %dst, i64 %dst_size, ptr %src, i64 %len) #0 {
entry:
  %r = call i64 @html_append_escaped(ptr %dst, i64 %dst_size, i64 0, ptr %src, i64 %len)
  ret i64 %r
}

attributes #0 = { nounwind optsize minsize }
