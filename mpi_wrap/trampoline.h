/* trampoline.h: the MPI functions libcprof-mpi.so exports, each a jump
 * through its slot, as a PLT entry jumps through the GOT: the arguments,
 * the stack and the return address reach whatever the slot holds (the
 * wrapper for the program's MPI ABI, or its MPI's own function) untouched,
 * whatever the ABI's types are.  Until it is set, a slot holds mpi_lazy,
 * which keeps the arguments while a C function fills the slots, then jumps
 * through the slot (docs/MPI.md).
 *
 *   TRAMPOLINE(name, slot)   the exported function `name`, which jumps
 *                            through mpi_slots[slot]
 *   TRAMPOLINE_LAZY(resolve) mpi_lazy, which calls
 *                            void *resolve(unsigned slot) and jumps where
 *                            it says
 *
 * Both refer to `void *mpi_slots[]` and `char mpi_lazy[]`, hidden.  Written
 * for x86-64 and AArch64 (configure builds no cprof-mpi elsewhere). */
#ifndef CPROF_MPI_TRAMPOLINE_H
#define CPROF_MPI_TRAMPOLINE_H

#define TRAMPOLINE_STRING(x) #x
#define TRAMPOLINE_STR(x) TRAMPOLINE_STRING(x)

#if defined(__x86_64__)

/* an indirect branch may land here (-fcf-protection) */
#if defined(__CET__) && (__CET__ & 1)
#define TRAMPOLINE_LANDING "\tendbr64\n"
#else
#define TRAMPOLINE_LANDING ""
#endif

/* The slot in r11, which no call passes anything in. */
#define TRAMPOLINE(name, slot)                                                                                 \
	__asm__(".pushsection .text\n"                                                                         \
		".globl " #name "\n"                                                                           \
		".type " #name ", @function\n"                                                                 \
		".p2align 4\n" #name ":\n"                                                                     \
		"\t.cfi_startproc\n" TRAMPOLINE_LANDING "\tmovl $" #slot ", %r11d\n"                           \
		"\tjmp *mpi_slots+8*" #slot "(%rip)\n"                                                         \
		"\t.cfi_endproc\n"                                                                             \
		".size " #name ", .-" #name "\n"                                                               \
		".popsection\n");

/* Keeps what a call may pass in registers (the vector ones for varargs
 * such as MPI_Pcontrol's), with the stack aligned for the call. */
#define TRAMPOLINE_LAZY(resolve)                                                                               \
	__asm__(".pushsection .text\n"                                                                         \
		".p2align 4\n"                                                                                 \
		".globl mpi_lazy\n"                                                                           \
		".hidden mpi_lazy\n"                                                                          \
		".type mpi_lazy, @function\n"                                                                  \
		"mpi_lazy:\n"                                                                                  \
		"\t.cfi_startproc\n" TRAMPOLINE_LANDING "\tpushq %rbp\n"                                       \
		"\t.cfi_def_cfa_offset 16\n"                                                                   \
		"\t.cfi_offset %rbp, -16\n"                                                                    \
		"\tmovq %rsp, %rbp\n"                                                                          \
		"\t.cfi_def_cfa_register %rbp\n"                                                               \
		"\tpushq %rdi\n\tpushq %rsi\n\tpushq %rdx\n\tpushq %rcx\n"                                     \
		"\tpushq %r8\n\tpushq %r9\n\tpushq %rax\n\tpushq %r11\n"                                       \
		"\tsubq $128, %rsp\n"                                                                          \
		"\tmovaps %xmm0, 0(%rsp)\n\tmovaps %xmm1, 16(%rsp)\n"                                          \
		"\tmovaps %xmm2, 32(%rsp)\n\tmovaps %xmm3, 48(%rsp)\n"                                         \
		"\tmovaps %xmm4, 64(%rsp)\n\tmovaps %xmm5, 80(%rsp)\n"                                         \
		"\tmovaps %xmm6, 96(%rsp)\n\tmovaps %xmm7, 112(%rsp)\n"                                        \
		"\tmovl %r11d, %edi\n"                                                                         \
		"\tcall " TRAMPOLINE_STR(resolve) "\n"                                                         \
		"\tmovq %rax, %r10\n"                                                                          \
		"\tmovaps 0(%rsp), %xmm0\n\tmovaps 16(%rsp), %xmm1\n"                                          \
		"\tmovaps 32(%rsp), %xmm2\n\tmovaps 48(%rsp), %xmm3\n"                                         \
		"\tmovaps 64(%rsp), %xmm4\n\tmovaps 80(%rsp), %xmm5\n"                                         \
		"\tmovaps 96(%rsp), %xmm6\n\tmovaps 112(%rsp), %xmm7\n"                                        \
		"\taddq $128, %rsp\n"                                                                          \
		"\tpopq %r11\n\tpopq %rax\n\tpopq %r9\n\tpopq %r8\n"                                           \
		"\tpopq %rcx\n\tpopq %rdx\n\tpopq %rsi\n\tpopq %rdi\n"                                         \
		"\tpopq %rbp\n"                                                                                \
		"\t.cfi_def_cfa %rsp, 8\n"                                                                     \
		"\tjmp *%r10\n"                                                                                \
		"\t.cfi_endproc\n"                                                                             \
		".size mpi_lazy, .-mpi_lazy\n"                                                                 \
		".popsection\n");

#elif defined(__aarch64__)

#if defined(__ARM_FEATURE_BTI_DEFAULT)
#define TRAMPOLINE_LANDING "\tbti c\n"
#else
#define TRAMPOLINE_LANDING ""
#endif

/* The slot in x17, an intra-procedure-call register, as the PLT's. */
#define TRAMPOLINE(name, slot)                                                                                 \
	__asm__(".pushsection .text\n"                                                                         \
		".globl " #name "\n"                                                                           \
		".type " #name ", %function\n"                                                                 \
		".p2align 4\n" #name ":\n"                                                                     \
		"\t.cfi_startproc\n" TRAMPOLINE_LANDING "\tmov x17, #" #slot "\n"                              \
		"\tadrp x16, mpi_slots+8*" #slot "\n"                                                          \
		"\tldr x16, [x16, #:lo12:mpi_slots+8*" #slot "]\n"                                             \
		"\tbr x16\n"                                                                                   \
		"\t.cfi_endproc\n"                                                                             \
		".size " #name ", .-" #name "\n"                                                               \
		".popsection\n");

#define TRAMPOLINE_LAZY(resolve)                                                                               \
	__asm__(".pushsection .text\n"                                                                         \
		".p2align 4\n"                                                                                 \
		".globl mpi_lazy\n"                                                                           \
		".hidden mpi_lazy\n"                                                                          \
		".type mpi_lazy, %function\n"                                                                  \
		"mpi_lazy:\n"                                                                                  \
		"\t.cfi_startproc\n" TRAMPOLINE_LANDING "\tstp x29, x30, [sp, #-224]!\n"                       \
		"\t.cfi_def_cfa_offset 224\n"                                                                  \
		"\t.cfi_offset 29, -224\n"                                                                     \
		"\t.cfi_offset 30, -216\n"                                                                     \
		"\tmov x29, sp\n"                                                                              \
		"\tstp x0, x1, [sp, #16]\n\tstp x2, x3, [sp, #32]\n"                                           \
		"\tstp x4, x5, [sp, #48]\n\tstp x6, x7, [sp, #64]\n"                                           \
		"\tstp x8, x17, [sp, #80]\n"                                                                   \
		"\tstp q0, q1, [sp, #96]\n\tstp q2, q3, [sp, #128]\n"                                          \
		"\tstp q4, q5, [sp, #160]\n\tstp q6, q7, [sp, #192]\n"                                         \
		"\tmov w0, w17\n"                                                                              \
		"\tbl " TRAMPOLINE_STR(resolve) "\n"                                                           \
		"\tmov x16, x0\n"                                                                              \
		"\tldp q0, q1, [sp, #96]\n\tldp q2, q3, [sp, #128]\n"                                          \
		"\tldp q4, q5, [sp, #160]\n\tldp q6, q7, [sp, #192]\n"                                         \
		"\tldp x0, x1, [sp, #16]\n\tldp x2, x3, [sp, #32]\n"                                           \
		"\tldp x4, x5, [sp, #48]\n\tldp x6, x7, [sp, #64]\n"                                           \
		"\tldp x8, x17, [sp, #80]\n"                                                                   \
		"\tldp x29, x30, [sp], #224\n"                                                                 \
		"\t.cfi_def_cfa_offset 0\n"                                                                    \
		"\t.cfi_restore 29\n"                                                                          \
		"\t.cfi_restore 30\n"                                                                          \
		"\tbr x16\n"                                                                                   \
		"\t.cfi_endproc\n"                                                                             \
		".size mpi_lazy, .-mpi_lazy\n"                                                                 \
		".popsection\n");

#else
#error "cprof-mpi's trampolines are written for x86-64 and AArch64 only"
#endif

#endif
