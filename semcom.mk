# semcom.mk - Make rules for building programs from intents with Semcom.
#
#   include /path/to/semcom.mk          (installed as share/semcom/semcom.mk)
#   prog: main.o greet.o ; $(SEMCOM_LINK)
#
#   %.ll: %.intent      a module from an English intent file (semcom create); the model's answer
#                       is cached under .semcom/cache, so a rebuild with the same intent asks nothing
#   %.fixed.ll: %.ll    the semcom-fixup passes with the tree's manifest (semcom-fix)
#   %.o: %.ll           compiled for $(SEMCOM_TARGET)
#   $(SEMCOM_LINK)      links the prerequisites with the libc-free runtime into a static program
#
# Model flags (provider, model, …) go in SEMCOM_FLAGS or the environment (see `semcom ask --help`).

SEMCOM        ?= semcom
SEMCOM_FIX    ?= semcom-fix
SEMCOM_LLC    ?= /usr/lib/llvm-19/bin/llc
SEMCOM_TARGET ?= x86_64
SEMCOM_FLAGS  ?=
SEMCOM_TREE   ?= .
SEMCOM_MANIFEST ?= $(SEMCOM_TREE)/.semcom/manifest.txt

# A module from its intent. An older module is replaced: make asked for it because the intent
# changed. Nothing is written unless the new module validates.
%.ll: %.intent
	@rm -f $@
	$(SEMCOM) create $(notdir $@) "$$(cat $<)" --tree $(SEMCOM_TREE) --target $(SEMCOM_TARGET) $(SEMCOM_FLAGS)

%.fixed.ll: %.ll
	$(SEMCOM_FIX) $< -o $@ -m $(SEMCOM_MANIFEST)

%.o: %.ll
	$(SEMCOM_LLC) -O2 -filetype=obj -relocation-model=static -function-sections -data-sections \
	  -mtriple=$(SEMCOM_TARGET)-unknown-linux-gnu $< -o $@

SEMCOM_LINK = $(SEMCOM) link $^ -o $@ --target $(SEMCOM_TARGET)

# Generated modules stay when make's chain ends in an object.
.PRECIOUS: %.ll
