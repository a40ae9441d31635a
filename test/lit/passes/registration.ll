; Every name the plugin registers parses in stock opt-19, analyses included (require/invalidate),
; and the plugin's -semcom-* options are known once it is loaded.
; REQUIRES: plugin
; RUN: %opt -load-pass-plugin=%plugin -semcom-target-triple=x86_64-linux-gnu -semcom-fuzzy-threshold=0.9 \
; RUN:   -passes='semcom-fix-syscalls,semcom-fix-declares,semcom-fix-constants,semcom-dnu,semcom-verify,require<semcom-dnu>,require<semcom-manifest>,invalidate<semcom-dnu>,print<semcom-dnu>,print<semcom-manifest>,semcom-fixup' \
; RUN:   -disable-output %s | FileCheck %s
; RUN: not %opt -load-pass-plugin=%plugin -passes=semcom-no-such-pass -disable-output %s 2>&1 \
; RUN:   | FileCheck --check-prefix=UNKNOWN %s
; CHECK: nobody_has_this|declare void @nobody_has_this()
; CHECK: manifest entries referenced by
; UNKNOWN: unknown pass name 'semcom-no-such-pass'

declare void @nobody_has_this()
