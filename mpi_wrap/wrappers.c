/* Written by mpi_wrap/gen.py from mpi_wrap/mpi.spec: edit those, not this. */
#include "config.h"

#include <mpi.h>

#include "core.h"

enum {
	F_MPI_Init,
	F_MPI_Init_thread,
	F_MPI_Finalize,
	F_MPI_Abort,
	F_MPI_Pcontrol,
	F_MPI_Send,
	F_MPI_Bsend,
	F_MPI_Ssend,
	F_MPI_Rsend,
	F_MPI_Recv,
	F_MPI_Sendrecv,
	F_MPI_Sendrecv_replace,
	F_MPI_Probe,
	F_MPI_Mprobe,
	F_MPI_Mrecv,
	F_MPI_Isend,
	F_MPI_Ibsend,
	F_MPI_Issend,
	F_MPI_Irsend,
	F_MPI_Irecv,
	F_MPI_Iprobe,
	F_MPI_Improbe,
	F_MPI_Imrecv,
	F_MPI_Send_init,
	F_MPI_Recv_init,
	F_MPI_Start,
	F_MPI_Startall,
	F_MPI_Wait,
	F_MPI_Waitall,
	F_MPI_Waitany,
	F_MPI_Waitsome,
	F_MPI_Test,
	F_MPI_Testall,
	F_MPI_Testany,
	F_MPI_Testsome,
	F_MPI_Cancel,
	F_MPI_Request_free,
	F_MPI_Barrier,
	F_MPI_Bcast,
	F_MPI_Reduce,
	F_MPI_Allreduce,
	F_MPI_Gather,
	F_MPI_Gatherv,
	F_MPI_Scatter,
	F_MPI_Scatterv,
	F_MPI_Allgather,
	F_MPI_Allgatherv,
	F_MPI_Alltoall,
	F_MPI_Alltoallv,
	F_MPI_Alltoallw,
	F_MPI_Reduce_scatter,
	F_MPI_Reduce_scatter_block,
	F_MPI_Scan,
	F_MPI_Exscan,
	F_MPI_Ibarrier,
	F_MPI_Ibcast,
	F_MPI_Ireduce,
	F_MPI_Iallreduce,
	F_MPI_Igather,
	F_MPI_Igatherv,
	F_MPI_Iscatter,
	F_MPI_Iscatterv,
	F_MPI_Iallgather,
	F_MPI_Iallgatherv,
	F_MPI_Ialltoall,
	F_MPI_Ialltoallv,
	F_MPI_Ialltoallw,
	F_MPI_Ireduce_scatter,
	F_MPI_Ireduce_scatter_block,
	F_MPI_Iscan,
	F_MPI_Iexscan,
	F_MPI_Comm_rank,
	F_MPI_Comm_size,
	F_MPI_Comm_dup,
	F_MPI_Comm_split,
	F_MPI_Comm_split_type,
	F_MPI_Comm_create,
	F_MPI_Comm_free,
	F_MPI_Comm_group,
	F_MPI_Comm_compare,
	F_MPI_Intercomm_create,
	F_MPI_Cart_create,
	F_MPI_Group_incl,
	F_MPI_Group_excl,
	F_MPI_Group_free,
	F_MPI_Group_rank,
	F_MPI_Group_size,
	F_MPI_Group_translate_ranks,
	F_MPI_Win_create,
	F_MPI_Win_allocate,
	F_MPI_Win_free,
	F_MPI_Win_fence,
	F_MPI_Put,
	F_MPI_Get,
	F_MPI_Accumulate,
	F_MPI_Get_accumulate,
	F_MPI_Win_lock,
	F_MPI_Win_unlock,
	F_MPI_Win_lock_all,
	F_MPI_Win_unlock_all,
	F_MPI_Win_flush,
	F_MPI_File_open,
	F_MPI_File_close,
	F_MPI_File_read,
	F_MPI_File_write,
	F_MPI_File_read_at,
	F_MPI_File_write_at,
	F_MPI_File_read_all,
	F_MPI_File_write_all,
	F_MPI_File_read_at_all,
	F_MPI_File_write_at_all,
	F_MPI_File_set_view,
	F_MPI_File_seek,
	F_MPI_File_sync,
};

const int mpi_nfuncs = 114;
const char *const mpi_names[] = {
	"MPI_Init",
	"MPI_Init_thread",
	"MPI_Finalize",
	"MPI_Abort",
	"MPI_Pcontrol",
	"MPI_Send",
	"MPI_Bsend",
	"MPI_Ssend",
	"MPI_Rsend",
	"MPI_Recv",
	"MPI_Sendrecv",
	"MPI_Sendrecv_replace",
	"MPI_Probe",
	"MPI_Mprobe",
	"MPI_Mrecv",
	"MPI_Isend",
	"MPI_Ibsend",
	"MPI_Issend",
	"MPI_Irsend",
	"MPI_Irecv",
	"MPI_Iprobe",
	"MPI_Improbe",
	"MPI_Imrecv",
	"MPI_Send_init",
	"MPI_Recv_init",
	"MPI_Start",
	"MPI_Startall",
	"MPI_Wait",
	"MPI_Waitall",
	"MPI_Waitany",
	"MPI_Waitsome",
	"MPI_Test",
	"MPI_Testall",
	"MPI_Testany",
	"MPI_Testsome",
	"MPI_Cancel",
	"MPI_Request_free",
	"MPI_Barrier",
	"MPI_Bcast",
	"MPI_Reduce",
	"MPI_Allreduce",
	"MPI_Gather",
	"MPI_Gatherv",
	"MPI_Scatter",
	"MPI_Scatterv",
	"MPI_Allgather",
	"MPI_Allgatherv",
	"MPI_Alltoall",
	"MPI_Alltoallv",
	"MPI_Alltoallw",
	"MPI_Reduce_scatter",
	"MPI_Reduce_scatter_block",
	"MPI_Scan",
	"MPI_Exscan",
	"MPI_Ibarrier",
	"MPI_Ibcast",
	"MPI_Ireduce",
	"MPI_Iallreduce",
	"MPI_Igather",
	"MPI_Igatherv",
	"MPI_Iscatter",
	"MPI_Iscatterv",
	"MPI_Iallgather",
	"MPI_Iallgatherv",
	"MPI_Ialltoall",
	"MPI_Ialltoallv",
	"MPI_Ialltoallw",
	"MPI_Ireduce_scatter",
	"MPI_Ireduce_scatter_block",
	"MPI_Iscan",
	"MPI_Iexscan",
	"MPI_Comm_rank",
	"MPI_Comm_size",
	"MPI_Comm_dup",
	"MPI_Comm_split",
	"MPI_Comm_split_type",
	"MPI_Comm_create",
	"MPI_Comm_free",
	"MPI_Comm_group",
	"MPI_Comm_compare",
	"MPI_Intercomm_create",
	"MPI_Cart_create",
	"MPI_Group_incl",
	"MPI_Group_excl",
	"MPI_Group_free",
	"MPI_Group_rank",
	"MPI_Group_size",
	"MPI_Group_translate_ranks",
	"MPI_Win_create",
	"MPI_Win_allocate",
	"MPI_Win_free",
	"MPI_Win_fence",
	"MPI_Put",
	"MPI_Get",
	"MPI_Accumulate",
	"MPI_Get_accumulate",
	"MPI_Win_lock",
	"MPI_Win_unlock",
	"MPI_Win_lock_all",
	"MPI_Win_unlock_all",
	"MPI_Win_flush",
	"MPI_File_open",
	"MPI_File_close",
	"MPI_File_read",
	"MPI_File_write",
	"MPI_File_read_at",
	"MPI_File_write_at",
	"MPI_File_read_all",
	"MPI_File_write_all",
	"MPI_File_read_at_all",
	"MPI_File_write_at_all",
	"MPI_File_set_view",
	"MPI_File_seek",
	"MPI_File_sync",
};

MPI_EXPORT int MPI_Init(int *argc, char ***argv)
{
	static int (*real)(int *, char ***);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Init")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Init, __builtin_return_address(0));
	ret = real(argc, argv);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	mpi_after_init(argc, argv);
	return ret;
}

MPI_EXPORT int MPI_Init_thread(int *argc, char ***argv, int required, int *provided)
{
	static int (*real)(int *, char ***, int, int *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Init_thread")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Init_thread, __builtin_return_address(0));
	ret = real(argc, argv, required, provided);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	mpi_after_init_thread(argc, argv, required, provided);
	return ret;
}

MPI_EXPORT int MPI_Finalize(void)
{
	static int (*real)(void);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Finalize")))
		return MPI_ERR_INTERN;
	mpi_before_finalize();
	mpi_begin(&c, F_MPI_Finalize, __builtin_return_address(0));
	ret = real();
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Abort(MPI_Comm comm, int errorcode)
{
	static int (*real)(MPI_Comm, int);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Abort")))
		return MPI_ERR_INTERN;
	mpi_before_abort(comm, errorcode);
	mpi_begin(&c, F_MPI_Abort, __builtin_return_address(0));
	ret = real(comm, errorcode);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Pcontrol(const int level, ...)
{
	static int (*real)(const int);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Pcontrol")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Pcontrol, __builtin_return_address(0));
	ret = real(level);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Send(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Send")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Send, __builtin_return_address(0));
	ret = real(buf, count, datatype, dest, tag, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Bsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Bsend")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Bsend, __builtin_return_address(0));
	ret = real(buf, count, datatype, dest, tag, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Ssend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ssend")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ssend, __builtin_return_address(0));
	ret = real(buf, count, datatype, dest, tag, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Rsend(const void *ibuf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Rsend")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Rsend, __builtin_return_address(0));
	ret = real(ibuf, count, datatype, dest, tag, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Recv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Status *status)
{
	static int (*real)(void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Recv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Recv, __builtin_return_address(0));
	ret = real(buf, count, datatype, source, tag, comm, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_status(count, datatype, status));
	return ret;
}

MPI_EXPORT int MPI_Sendrecv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, int dest, int sendtag, void *recvbuf, int recvcount, MPI_Datatype recvtype, int source, int recvtag, MPI_Comm comm, MPI_Status *status)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Sendrecv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Sendrecv, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, dest, sendtag, recvbuf, recvcount, recvtype, source, recvtag, comm, status);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), mpi_bytes_status(recvcount, recvtype, status));
	return ret;
}

MPI_EXPORT int MPI_Sendrecv_replace(void *buf, int count, MPI_Datatype datatype, int dest, int sendtag, int source, int recvtag, MPI_Comm comm, MPI_Status *status)
{
	static int (*real)(void *, int, MPI_Datatype, int, int, int, int, MPI_Comm, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Sendrecv_replace")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Sendrecv_replace, __builtin_return_address(0));
	ret = real(buf, count, datatype, dest, sendtag, source, recvtag, comm, status);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), mpi_bytes_status(count, datatype, status));
	return ret;
}

MPI_EXPORT int MPI_Probe(int source, int tag, MPI_Comm comm, MPI_Status *status)
{
	static int (*real)(int, int, MPI_Comm, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Probe")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Probe, __builtin_return_address(0));
	ret = real(source, tag, comm, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Mprobe(int source, int tag, MPI_Comm comm, MPI_Message *message, MPI_Status *status)
{
	static int (*real)(int, int, MPI_Comm, MPI_Message *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Mprobe")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Mprobe, __builtin_return_address(0));
	ret = real(source, tag, comm, message, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Mrecv(void *buf, int count, MPI_Datatype type, MPI_Message *message, MPI_Status *status)
{
	static int (*real)(void *, int, MPI_Datatype, MPI_Message *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Mrecv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Mrecv, __builtin_return_address(0));
	ret = real(buf, count, type, message, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_status(count, type, status));
	return ret;
}

MPI_EXPORT int MPI_Isend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Isend")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Isend, __builtin_return_address(0));
	ret = real(buf, count, datatype, dest, tag, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Ibsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ibsend")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ibsend, __builtin_return_address(0));
	ret = real(buf, count, datatype, dest, tag, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Issend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Issend")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Issend, __builtin_return_address(0));
	ret = real(buf, count, datatype, dest, tag, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Irsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Irsend")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Irsend, __builtin_return_address(0));
	ret = real(buf, count, datatype, dest, tag, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Irecv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Irecv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Irecv, __builtin_return_address(0));
	ret = real(buf, count, datatype, source, tag, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes(count, datatype));
	return ret;
}

MPI_EXPORT int MPI_Iprobe(int source, int tag, MPI_Comm comm, int *flag, MPI_Status *status)
{
	static int (*real)(int, int, MPI_Comm, int *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Iprobe")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Iprobe, __builtin_return_address(0));
	ret = real(source, tag, comm, flag, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Improbe(int source, int tag, MPI_Comm comm, int *flag, MPI_Message *message, MPI_Status *status)
{
	static int (*real)(int, int, MPI_Comm, int *, MPI_Message *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Improbe")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Improbe, __builtin_return_address(0));
	ret = real(source, tag, comm, flag, message, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Imrecv(void *buf, int count, MPI_Datatype type, MPI_Message *message, MPI_Request *request)
{
	static int (*real)(void *, int, MPI_Datatype, MPI_Message *, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Imrecv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Imrecv, __builtin_return_address(0));
	ret = real(buf, count, type, message, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes(count, type));
	return ret;
}

MPI_EXPORT int MPI_Send_init(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Send_init")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Send_init, __builtin_return_address(0));
	ret = real(buf, count, datatype, dest, tag, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Recv_init(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(void *, int, MPI_Datatype, int, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Recv_init")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Recv_init, __builtin_return_address(0));
	ret = real(buf, count, datatype, source, tag, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Start(MPI_Request *request)
{
	static int (*real)(MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Start")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Start, __builtin_return_address(0));
	ret = real(request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Startall(int count, MPI_Request *array_of_requests)
{
	static int (*real)(int, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Startall")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Startall, __builtin_return_address(0));
	ret = real(count, array_of_requests);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Wait(MPI_Request *request, MPI_Status *status)
{
	static int (*real)(MPI_Request *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Wait")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Wait, __builtin_return_address(0));
	ret = real(request, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Waitall(int count, MPI_Request *array_of_requests, MPI_Status *array_of_statuses)
{
	static int (*real)(int, MPI_Request *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Waitall")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Waitall, __builtin_return_address(0));
	ret = real(count, array_of_requests, array_of_statuses);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Waitany(int count, MPI_Request *array_of_requests, int *index, MPI_Status *status)
{
	static int (*real)(int, MPI_Request *, int *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Waitany")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Waitany, __builtin_return_address(0));
	ret = real(count, array_of_requests, index, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Waitsome(int incount, MPI_Request *array_of_requests, int *outcount, int *array_of_indices, MPI_Status *array_of_statuses)
{
	static int (*real)(int, MPI_Request *, int *, int *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Waitsome")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Waitsome, __builtin_return_address(0));
	ret = real(incount, array_of_requests, outcount, array_of_indices, array_of_statuses);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Test(MPI_Request *request, int *flag, MPI_Status *status)
{
	static int (*real)(MPI_Request *, int *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Test")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Test, __builtin_return_address(0));
	ret = real(request, flag, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Testall(int count, MPI_Request *array_of_requests, int *flag, MPI_Status *array_of_statuses)
{
	static int (*real)(int, MPI_Request *, int *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Testall")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Testall, __builtin_return_address(0));
	ret = real(count, array_of_requests, flag, array_of_statuses);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Testany(int count, MPI_Request *array_of_requests, int *index, int *flag, MPI_Status *status)
{
	static int (*real)(int, MPI_Request *, int *, int *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Testany")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Testany, __builtin_return_address(0));
	ret = real(count, array_of_requests, index, flag, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Testsome(int incount, MPI_Request *array_of_requests, int *outcount, int *array_of_indices, MPI_Status *array_of_statuses)
{
	static int (*real)(int, MPI_Request *, int *, int *, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Testsome")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Testsome, __builtin_return_address(0));
	ret = real(incount, array_of_requests, outcount, array_of_indices, array_of_statuses);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Cancel(MPI_Request *request)
{
	static int (*real)(MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Cancel")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Cancel, __builtin_return_address(0));
	ret = real(request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Request_free(MPI_Request *request)
{
	static int (*real)(MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Request_free")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Request_free, __builtin_return_address(0));
	ret = real(request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Barrier(MPI_Comm comm)
{
	static int (*real)(MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Barrier")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Barrier, __builtin_return_address(0));
	ret = real(comm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Bcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm)
{
	static int (*real)(void *, int, MPI_Datatype, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Bcast")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Bcast, __builtin_return_address(0));
	ret = real(buffer, count, datatype, root, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Reduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, int root, MPI_Comm comm)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Reduce")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Reduce, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, count, datatype, op, root, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Allreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Allreduce")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Allreduce, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, count, datatype, op, comm);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes(count, datatype);
		mpi_end(&c, n, n);
	}
	return ret;
}

MPI_EXPORT int MPI_Gather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Gather")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Gather, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), 0);
	return ret;
}

MPI_EXPORT int MPI_Gatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int *recvcounts, const int *displs, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, const int *, const int *, MPI_Datatype, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Gatherv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Gatherv, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, root, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), 0);
	return ret;
}

MPI_EXPORT int MPI_Scatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Scatter")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Scatter, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes(recvcount, recvtype));
	return ret;
}

MPI_EXPORT int MPI_Scatterv(const void *sendbuf, const int *sendcounts, const int *displs, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
	static int (*real)(const void *, const int *, const int *, MPI_Datatype, void *, int, MPI_Datatype, int, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Scatterv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Scatterv, __builtin_return_address(0));
	ret = real(sendbuf, sendcounts, displs, sendtype, recvbuf, recvcount, recvtype, root, comm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes(recvcount, recvtype));
	return ret;
}

MPI_EXPORT int MPI_Allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Allgather")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Allgather, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), 0);
	return ret;
}

MPI_EXPORT int MPI_Allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int *recvcounts, const int *displs, MPI_Datatype recvtype, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, const int *, const int *, MPI_Datatype, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Allgatherv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Allgatherv, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), 0);
	return ret;
}

MPI_EXPORT int MPI_Alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Alltoall")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Alltoall, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), mpi_bytes(recvcount, recvtype));
	return ret;
}

MPI_EXPORT int MPI_Alltoallv(const void *sendbuf, const int *sendcounts, const int *sdispls, MPI_Datatype sendtype, void *recvbuf, const int *recvcounts, const int *rdispls, MPI_Datatype recvtype, MPI_Comm comm)
{
	static int (*real)(const void *, const int *, const int *, MPI_Datatype, void *, const int *, const int *, MPI_Datatype, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Alltoallv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Alltoallv, __builtin_return_address(0));
	ret = real(sendbuf, sendcounts, sdispls, sendtype, recvbuf, recvcounts, rdispls, recvtype, comm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Alltoallw(const void *sendbuf, const int *sendcounts, const int *sdispls, const MPI_Datatype *sendtypes, void *recvbuf, const int *recvcounts, const int *rdispls, const MPI_Datatype *recvtypes, MPI_Comm comm)
{
	static int (*real)(const void *, const int *, const int *, const MPI_Datatype *, void *, const int *, const int *, const MPI_Datatype *, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Alltoallw")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Alltoallw, __builtin_return_address(0));
	ret = real(sendbuf, sendcounts, sdispls, sendtypes, recvbuf, recvcounts, rdispls, recvtypes, comm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Reduce_scatter(const void *sendbuf, void *recvbuf, const int *recvcounts, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
	static int (*real)(const void *, void *, const int *, MPI_Datatype, MPI_Op, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Reduce_scatter")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Reduce_scatter, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, recvcounts, datatype, op, comm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Reduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Reduce_scatter_block")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Reduce_scatter_block, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, recvcount, datatype, op, comm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes(recvcount, datatype));
	return ret;
}

MPI_EXPORT int MPI_Scan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Scan")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Scan, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, count, datatype, op, comm);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes(count, datatype);
		mpi_end(&c, n, n);
	}
	return ret;
}

MPI_EXPORT int MPI_Exscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Exscan")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Exscan, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, count, datatype, op, comm);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes(count, datatype);
		mpi_end(&c, n, n);
	}
	return ret;
}

MPI_EXPORT int MPI_Ibarrier(MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ibarrier")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ibarrier, __builtin_return_address(0));
	ret = real(comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Ibcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(void *, int, MPI_Datatype, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ibcast")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ibcast, __builtin_return_address(0));
	ret = real(buffer, count, datatype, root, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Ireduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, int root, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ireduce")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ireduce, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, count, datatype, op, root, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Iallreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Iallreduce")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Iallreduce, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, count, datatype, op, comm, request);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes(count, datatype);
		mpi_end(&c, n, n);
	}
	return ret;
}

MPI_EXPORT int MPI_Igather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Igather")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Igather, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), 0);
	return ret;
}

MPI_EXPORT int MPI_Igatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int *recvcounts, const int *displs, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, const int *, const int *, MPI_Datatype, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Igatherv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Igatherv, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, root, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), 0);
	return ret;
}

MPI_EXPORT int MPI_Iscatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Iscatter")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Iscatter, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes(recvcount, recvtype));
	return ret;
}

MPI_EXPORT int MPI_Iscatterv(const void *sendbuf, const int *sendcounts, const int *displs, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, const int *, const int *, MPI_Datatype, void *, int, MPI_Datatype, int, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Iscatterv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Iscatterv, __builtin_return_address(0));
	ret = real(sendbuf, sendcounts, displs, sendtype, recvbuf, recvcount, recvtype, root, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes(recvcount, recvtype));
	return ret;
}

MPI_EXPORT int MPI_Iallgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Iallgather")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Iallgather, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), 0);
	return ret;
}

MPI_EXPORT int MPI_Iallgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int *recvcounts, const int *displs, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, const int *, const int *, MPI_Datatype, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Iallgatherv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Iallgatherv, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), 0);
	return ret;
}

MPI_EXPORT int MPI_Ialltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ialltoall")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ialltoall, __builtin_return_address(0));
	ret = real(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(sendcount, sendtype), mpi_bytes(recvcount, recvtype));
	return ret;
}

MPI_EXPORT int MPI_Ialltoallv(const void *sendbuf, const int *sendcounts, const int *sdispls, MPI_Datatype sendtype, void *recvbuf, const int *recvcounts, const int *rdispls, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, const int *, const int *, MPI_Datatype, void *, const int *, const int *, MPI_Datatype, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ialltoallv")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ialltoallv, __builtin_return_address(0));
	ret = real(sendbuf, sendcounts, sdispls, sendtype, recvbuf, recvcounts, rdispls, recvtype, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Ialltoallw(const void *sendbuf, const int *sendcounts, const int *sdispls, const MPI_Datatype *sendtypes, void *recvbuf, const int *recvcounts, const int *rdispls, const MPI_Datatype *recvtypes, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, const int *, const int *, const MPI_Datatype *, void *, const int *, const int *, const MPI_Datatype *, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ialltoallw")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ialltoallw, __builtin_return_address(0));
	ret = real(sendbuf, sendcounts, sdispls, sendtypes, recvbuf, recvcounts, rdispls, recvtypes, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Ireduce_scatter(const void *sendbuf, void *recvbuf, const int *recvcounts, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, void *, const int *, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ireduce_scatter")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ireduce_scatter, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, recvcounts, datatype, op, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Ireduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Ireduce_scatter_block")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Ireduce_scatter_block, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, recvcount, datatype, op, comm, request);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes(recvcount, datatype));
	return ret;
}

MPI_EXPORT int MPI_Iscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Iscan")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Iscan, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, count, datatype, op, comm, request);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes(count, datatype);
		mpi_end(&c, n, n);
	}
	return ret;
}

MPI_EXPORT int MPI_Iexscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
	static int (*real)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm, MPI_Request *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Iexscan")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Iexscan, __builtin_return_address(0));
	ret = real(sendbuf, recvbuf, count, datatype, op, comm, request);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes(count, datatype);
		mpi_end(&c, n, n);
	}
	return ret;
}

MPI_EXPORT int MPI_Comm_rank(MPI_Comm comm, int *rank)
{
	static int (*real)(MPI_Comm, int *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Comm_rank")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Comm_rank, __builtin_return_address(0));
	ret = real(comm, rank);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Comm_size(MPI_Comm comm, int *size)
{
	static int (*real)(MPI_Comm, int *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Comm_size")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Comm_size, __builtin_return_address(0));
	ret = real(comm, size);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Comm_dup(MPI_Comm comm, MPI_Comm *newcomm)
{
	static int (*real)(MPI_Comm, MPI_Comm *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Comm_dup")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Comm_dup, __builtin_return_address(0));
	ret = real(comm, newcomm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Comm_split(MPI_Comm comm, int color, int key, MPI_Comm *newcomm)
{
	static int (*real)(MPI_Comm, int, int, MPI_Comm *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Comm_split")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Comm_split, __builtin_return_address(0));
	ret = real(comm, color, key, newcomm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Comm_split_type(MPI_Comm comm, int split_type, int key, MPI_Info info, MPI_Comm *newcomm)
{
	static int (*real)(MPI_Comm, int, int, MPI_Info, MPI_Comm *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Comm_split_type")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Comm_split_type, __builtin_return_address(0));
	ret = real(comm, split_type, key, info, newcomm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Comm_create(MPI_Comm comm, MPI_Group group, MPI_Comm *newcomm)
{
	static int (*real)(MPI_Comm, MPI_Group, MPI_Comm *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Comm_create")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Comm_create, __builtin_return_address(0));
	ret = real(comm, group, newcomm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Comm_free(MPI_Comm *comm)
{
	static int (*real)(MPI_Comm *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Comm_free")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Comm_free, __builtin_return_address(0));
	ret = real(comm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Comm_group(MPI_Comm comm, MPI_Group *group)
{
	static int (*real)(MPI_Comm, MPI_Group *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Comm_group")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Comm_group, __builtin_return_address(0));
	ret = real(comm, group);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Comm_compare(MPI_Comm comm1, MPI_Comm comm2, int *result)
{
	static int (*real)(MPI_Comm, MPI_Comm, int *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Comm_compare")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Comm_compare, __builtin_return_address(0));
	ret = real(comm1, comm2, result);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Intercomm_create(MPI_Comm local_comm, int local_leader, MPI_Comm bridge_comm, int remote_leader, int tag, MPI_Comm *newintercomm)
{
	static int (*real)(MPI_Comm, int, MPI_Comm, int, int, MPI_Comm *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Intercomm_create")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Intercomm_create, __builtin_return_address(0));
	ret = real(local_comm, local_leader, bridge_comm, remote_leader, tag, newintercomm);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Cart_create(MPI_Comm old_comm, int ndims, const int *dims, const int *periods, int reorder, MPI_Comm *comm_cart)
{
	static int (*real)(MPI_Comm, int, const int *, const int *, int, MPI_Comm *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Cart_create")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Cart_create, __builtin_return_address(0));
	ret = real(old_comm, ndims, dims, periods, reorder, comm_cart);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Group_incl(MPI_Group group, int n, const int *ranks, MPI_Group *newgroup)
{
	static int (*real)(MPI_Group, int, const int *, MPI_Group *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Group_incl")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Group_incl, __builtin_return_address(0));
	ret = real(group, n, ranks, newgroup);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Group_excl(MPI_Group group, int n, const int *ranks, MPI_Group *newgroup)
{
	static int (*real)(MPI_Group, int, const int *, MPI_Group *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Group_excl")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Group_excl, __builtin_return_address(0));
	ret = real(group, n, ranks, newgroup);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Group_free(MPI_Group *group)
{
	static int (*real)(MPI_Group *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Group_free")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Group_free, __builtin_return_address(0));
	ret = real(group);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Group_rank(MPI_Group group, int *rank)
{
	static int (*real)(MPI_Group, int *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Group_rank")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Group_rank, __builtin_return_address(0));
	ret = real(group, rank);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Group_size(MPI_Group group, int *size)
{
	static int (*real)(MPI_Group, int *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Group_size")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Group_size, __builtin_return_address(0));
	ret = real(group, size);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Group_translate_ranks(MPI_Group group1, int n, const int *ranks1, MPI_Group group2, int *ranks2)
{
	static int (*real)(MPI_Group, int, const int *, MPI_Group, int *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Group_translate_ranks")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Group_translate_ranks, __builtin_return_address(0));
	ret = real(group1, n, ranks1, group2, ranks2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Win_create(void *base, MPI_Aint size, int disp_unit, MPI_Info info, MPI_Comm comm, MPI_Win *win)
{
	static int (*real)(void *, MPI_Aint, int, MPI_Info, MPI_Comm, MPI_Win *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Win_create")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Win_create, __builtin_return_address(0));
	ret = real(base, size, disp_unit, info, comm, win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Win_allocate(MPI_Aint size, int disp_unit, MPI_Info info, MPI_Comm comm, void *baseptr, MPI_Win *win)
{
	static int (*real)(MPI_Aint, int, MPI_Info, MPI_Comm, void *, MPI_Win *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Win_allocate")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Win_allocate, __builtin_return_address(0));
	ret = real(size, disp_unit, info, comm, baseptr, win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Win_free(MPI_Win *win)
{
	static int (*real)(MPI_Win *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Win_free")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Win_free, __builtin_return_address(0));
	ret = real(win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Win_fence(int assert, MPI_Win win)
{
	static int (*real)(int, MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Win_fence")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Win_fence, __builtin_return_address(0));
	ret = real(assert, win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Put(const void *origin_addr, int origin_count, MPI_Datatype origin_datatype, int target_rank, MPI_Aint target_disp, int target_count, MPI_Datatype target_datatype, MPI_Win win)
{
	static int (*real)(const void *, int, MPI_Datatype, int, MPI_Aint, int, MPI_Datatype, MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Put")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Put, __builtin_return_address(0));
	ret = real(origin_addr, origin_count, origin_datatype, target_rank, target_disp, target_count, target_datatype, win);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(origin_count, origin_datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Get(void *origin_addr, int origin_count, MPI_Datatype origin_datatype, int target_rank, MPI_Aint target_disp, int target_count, MPI_Datatype target_datatype, MPI_Win win)
{
	static int (*real)(void *, int, MPI_Datatype, int, MPI_Aint, int, MPI_Datatype, MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Get")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Get, __builtin_return_address(0));
	ret = real(origin_addr, origin_count, origin_datatype, target_rank, target_disp, target_count, target_datatype, win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes(origin_count, origin_datatype));
	return ret;
}

MPI_EXPORT int MPI_Accumulate(const void *origin_addr, int origin_count, MPI_Datatype origin_datatype, int target_rank, MPI_Aint target_disp, int target_count, MPI_Datatype target_datatype, MPI_Op op, MPI_Win win)
{
	static int (*real)(const void *, int, MPI_Datatype, int, MPI_Aint, int, MPI_Datatype, MPI_Op, MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Accumulate")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Accumulate, __builtin_return_address(0));
	ret = real(origin_addr, origin_count, origin_datatype, target_rank, target_disp, target_count, target_datatype, op, win);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(origin_count, origin_datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_Get_accumulate(const void *origin_addr, int origin_count, MPI_Datatype origin_datatype, void *result_addr, int result_count, MPI_Datatype result_datatype, int target_rank, MPI_Aint target_disp, int target_count, MPI_Datatype target_datatype, MPI_Op op, MPI_Win win)
{
	static int (*real)(const void *, int, MPI_Datatype, void *, int, MPI_Datatype, int, MPI_Aint, int, MPI_Datatype, MPI_Op, MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Get_accumulate")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Get_accumulate, __builtin_return_address(0));
	ret = real(origin_addr, origin_count, origin_datatype, result_addr, result_count, result_datatype, target_rank, target_disp, target_count, target_datatype, op, win);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(origin_count, origin_datatype), mpi_bytes(result_count, result_datatype));
	return ret;
}

MPI_EXPORT int MPI_Win_lock(int lock_type, int rank, int assert, MPI_Win win)
{
	static int (*real)(int, int, int, MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Win_lock")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Win_lock, __builtin_return_address(0));
	ret = real(lock_type, rank, assert, win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Win_unlock(int rank, MPI_Win win)
{
	static int (*real)(int, MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Win_unlock")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Win_unlock, __builtin_return_address(0));
	ret = real(rank, win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Win_lock_all(int assert, MPI_Win win)
{
	static int (*real)(int, MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Win_lock_all")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Win_lock_all, __builtin_return_address(0));
	ret = real(assert, win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Win_unlock_all(MPI_Win win)
{
	static int (*real)(MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Win_unlock_all")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Win_unlock_all, __builtin_return_address(0));
	ret = real(win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_Win_flush(int rank, MPI_Win win)
{
	static int (*real)(int, MPI_Win);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_Win_flush")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_Win_flush, __builtin_return_address(0));
	ret = real(rank, win);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_File_open(MPI_Comm comm, const char *filename, int amode, MPI_Info info, MPI_File *fh)
{
	static int (*real)(MPI_Comm, const char *, int, MPI_Info, MPI_File *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_open")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_open, __builtin_return_address(0));
	ret = real(comm, filename, amode, info, fh);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_File_close(MPI_File *fh)
{
	static int (*real)(MPI_File *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_close")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_close, __builtin_return_address(0));
	ret = real(fh);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_File_read(MPI_File fh, void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
	static int (*real)(MPI_File, void *, int, MPI_Datatype, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_read")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_read, __builtin_return_address(0));
	ret = real(fh, buf, count, datatype, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_status(count, datatype, status));
	return ret;
}

MPI_EXPORT int MPI_File_write(MPI_File fh, const void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
	static int (*real)(MPI_File, const void *, int, MPI_Datatype, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_write")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_write, __builtin_return_address(0));
	ret = real(fh, buf, count, datatype, status);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_File_read_at(MPI_File fh, MPI_Offset offset, void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
	static int (*real)(MPI_File, MPI_Offset, void *, int, MPI_Datatype, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_read_at")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_read_at, __builtin_return_address(0));
	ret = real(fh, offset, buf, count, datatype, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_status(count, datatype, status));
	return ret;
}

MPI_EXPORT int MPI_File_write_at(MPI_File fh, MPI_Offset offset, const void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
	static int (*real)(MPI_File, MPI_Offset, const void *, int, MPI_Datatype, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_write_at")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_write_at, __builtin_return_address(0));
	ret = real(fh, offset, buf, count, datatype, status);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_File_read_all(MPI_File fh, void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
	static int (*real)(MPI_File, void *, int, MPI_Datatype, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_read_all")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_read_all, __builtin_return_address(0));
	ret = real(fh, buf, count, datatype, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_status(count, datatype, status));
	return ret;
}

MPI_EXPORT int MPI_File_write_all(MPI_File fh, const void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
	static int (*real)(MPI_File, const void *, int, MPI_Datatype, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_write_all")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_write_all, __builtin_return_address(0));
	ret = real(fh, buf, count, datatype, status);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_File_read_at_all(MPI_File fh, MPI_Offset offset, void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
	static int (*real)(MPI_File, MPI_Offset, void *, int, MPI_Datatype, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_read_at_all")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_read_at_all, __builtin_return_address(0));
	ret = real(fh, offset, buf, count, datatype, status);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_status(count, datatype, status));
	return ret;
}

MPI_EXPORT int MPI_File_write_at_all(MPI_File fh, MPI_Offset offset, const void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
	static int (*real)(MPI_File, MPI_Offset, const void *, int, MPI_Datatype, MPI_Status *);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_write_at_all")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_write_at_all, __builtin_return_address(0));
	ret = real(fh, offset, buf, count, datatype, status);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes(count, datatype), 0);
	return ret;
}

MPI_EXPORT int MPI_File_set_view(MPI_File fh, MPI_Offset disp, MPI_Datatype etype, MPI_Datatype filetype, const char *datarep, MPI_Info info)
{
	static int (*real)(MPI_File, MPI_Offset, MPI_Datatype, MPI_Datatype, const char *, MPI_Info);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_set_view")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_set_view, __builtin_return_address(0));
	ret = real(fh, disp, etype, filetype, datarep, info);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_File_seek(MPI_File fh, MPI_Offset offset, int whence)
{
	static int (*real)(MPI_File, MPI_Offset, int);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_seek")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_seek, __builtin_return_address(0));
	ret = real(fh, offset, whence);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

MPI_EXPORT int MPI_File_sync(MPI_File fh)
{
	static int (*real)(MPI_File);
	struct mpi_call c;
	int ret;

	if (!real && !(*(void **)&real = mpi_real("PMPI_File_sync")))
		return MPI_ERR_INTERN;
	mpi_begin(&c, F_MPI_File_sync, __builtin_return_address(0));
	ret = real(fh);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
	return ret;
}

/* Fortran: OpenMPI's bindings call PMPI_ functions, not the C wrappers above. */

static void f_mpi_finalize(void *p0)
{
	static void (*real)(void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_finalize_"))) {
		*(MPI_Fint *)p0 = MPI_ERR_INTERN;
		return;
	}
	mpi_before_finalize_f(p0);
	mpi_begin(&c, F_MPI_Finalize, __builtin_return_address(0));
	real(p0);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_finalize_(void *p0) __attribute__((alias("f_mpi_finalize")));
MPI_EXPORT void mpi_finalize__(void *p0) __attribute__((alias("f_mpi_finalize")));
MPI_EXPORT void mpi_finalize(void *p0) __attribute__((alias("f_mpi_finalize")));
MPI_EXPORT void MPI_FINALIZE(void *p0) __attribute__((alias("f_mpi_finalize")));

static void f_mpi_abort(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_abort_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_before_abort_f(p0, p1, p2);
	mpi_begin(&c, F_MPI_Abort, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_abort_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_abort")));
MPI_EXPORT void mpi_abort__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_abort")));
MPI_EXPORT void mpi_abort(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_abort")));
MPI_EXPORT void MPI_ABORT(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_abort")));

static void f_mpi_send(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_send_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Send, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_send_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_send")));
MPI_EXPORT void mpi_send__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_send")));
MPI_EXPORT void mpi_send(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_send")));
MPI_EXPORT void MPI_SEND(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_send")));

static void f_mpi_bsend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_bsend_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Bsend, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_bsend_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_bsend")));
MPI_EXPORT void mpi_bsend__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_bsend")));
MPI_EXPORT void mpi_bsend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_bsend")));
MPI_EXPORT void MPI_BSEND(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_bsend")));

static void f_mpi_ssend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ssend_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ssend, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_ssend_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_ssend")));
MPI_EXPORT void mpi_ssend__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_ssend")));
MPI_EXPORT void mpi_ssend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_ssend")));
MPI_EXPORT void MPI_SSEND(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_ssend")));

static void f_mpi_rsend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_rsend_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Rsend, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_rsend_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_rsend")));
MPI_EXPORT void mpi_rsend__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_rsend")));
MPI_EXPORT void mpi_rsend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_rsend")));
MPI_EXPORT void MPI_RSEND(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_rsend")));

static void f_mpi_recv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_recv_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Recv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p1, p2));
}
MPI_EXPORT void mpi_recv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_recv")));
MPI_EXPORT void mpi_recv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_recv")));
MPI_EXPORT void mpi_recv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_recv")));
MPI_EXPORT void MPI_RECV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_recv")));

static void f_mpi_sendrecv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_sendrecv_"))) {
		*(MPI_Fint *)p12 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Sendrecv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), mpi_bytes_f(p6, p7));
}
MPI_EXPORT void mpi_sendrecv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12) __attribute__((alias("f_mpi_sendrecv")));
MPI_EXPORT void mpi_sendrecv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12) __attribute__((alias("f_mpi_sendrecv")));
MPI_EXPORT void mpi_sendrecv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12) __attribute__((alias("f_mpi_sendrecv")));
MPI_EXPORT void MPI_SENDRECV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12) __attribute__((alias("f_mpi_sendrecv")));

static void f_mpi_sendrecv_replace(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_sendrecv_replace_"))) {
		*(MPI_Fint *)p9 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Sendrecv_replace, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes_f(p1, p2);
		mpi_end(&c, n, n);
	}
}
MPI_EXPORT void mpi_sendrecv_replace_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_sendrecv_replace")));
MPI_EXPORT void mpi_sendrecv_replace__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_sendrecv_replace")));
MPI_EXPORT void mpi_sendrecv_replace(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_sendrecv_replace")));
MPI_EXPORT void MPI_SENDRECV_REPLACE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_sendrecv_replace")));

static void f_mpi_probe(void *p0, void *p1, void *p2, void *p3, void *p4)
{
	static void (*real)(void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_probe_"))) {
		*(MPI_Fint *)p4 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Probe, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_probe_(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_probe")));
MPI_EXPORT void mpi_probe__(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_probe")));
MPI_EXPORT void mpi_probe(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_probe")));
MPI_EXPORT void MPI_PROBE(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_probe")));

static void f_mpi_mprobe(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_mprobe_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Mprobe, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_mprobe_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_mprobe")));
MPI_EXPORT void mpi_mprobe__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_mprobe")));
MPI_EXPORT void mpi_mprobe(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_mprobe")));
MPI_EXPORT void MPI_MPROBE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_mprobe")));

static void f_mpi_mrecv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_mrecv_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Mrecv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p1, p2));
}
MPI_EXPORT void mpi_mrecv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_mrecv")));
MPI_EXPORT void mpi_mrecv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_mrecv")));
MPI_EXPORT void mpi_mrecv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_mrecv")));
MPI_EXPORT void MPI_MRECV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_mrecv")));

static void f_mpi_isend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_isend_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Isend, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_isend_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_isend")));
MPI_EXPORT void mpi_isend__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_isend")));
MPI_EXPORT void mpi_isend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_isend")));
MPI_EXPORT void MPI_ISEND(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_isend")));

static void f_mpi_ibsend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ibsend_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ibsend, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_ibsend_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ibsend")));
MPI_EXPORT void mpi_ibsend__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ibsend")));
MPI_EXPORT void mpi_ibsend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ibsend")));
MPI_EXPORT void MPI_IBSEND(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ibsend")));

static void f_mpi_issend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_issend_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Issend, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_issend_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_issend")));
MPI_EXPORT void mpi_issend__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_issend")));
MPI_EXPORT void mpi_issend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_issend")));
MPI_EXPORT void MPI_ISSEND(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_issend")));

static void f_mpi_irsend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_irsend_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Irsend, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_irsend_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_irsend")));
MPI_EXPORT void mpi_irsend__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_irsend")));
MPI_EXPORT void mpi_irsend(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_irsend")));
MPI_EXPORT void MPI_IRSEND(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_irsend")));

static void f_mpi_irecv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_irecv_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Irecv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p1, p2));
}
MPI_EXPORT void mpi_irecv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_irecv")));
MPI_EXPORT void mpi_irecv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_irecv")));
MPI_EXPORT void mpi_irecv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_irecv")));
MPI_EXPORT void MPI_IRECV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_irecv")));

static void f_mpi_iprobe(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_iprobe_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Iprobe, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_iprobe_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_iprobe")));
MPI_EXPORT void mpi_iprobe__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_iprobe")));
MPI_EXPORT void mpi_iprobe(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_iprobe")));
MPI_EXPORT void MPI_IPROBE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_iprobe")));

static void f_mpi_improbe(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_improbe_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Improbe, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_improbe_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_improbe")));
MPI_EXPORT void mpi_improbe__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_improbe")));
MPI_EXPORT void mpi_improbe(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_improbe")));
MPI_EXPORT void MPI_IMPROBE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_improbe")));

static void f_mpi_imrecv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_imrecv_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Imrecv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p1, p2));
}
MPI_EXPORT void mpi_imrecv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_imrecv")));
MPI_EXPORT void mpi_imrecv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_imrecv")));
MPI_EXPORT void mpi_imrecv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_imrecv")));
MPI_EXPORT void MPI_IMRECV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_imrecv")));

static void f_mpi_send_init(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_send_init_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Send_init, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_send_init_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_send_init")));
MPI_EXPORT void mpi_send_init__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_send_init")));
MPI_EXPORT void mpi_send_init(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_send_init")));
MPI_EXPORT void MPI_SEND_INIT(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_send_init")));

static void f_mpi_recv_init(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_recv_init_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Recv_init, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_recv_init_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_recv_init")));
MPI_EXPORT void mpi_recv_init__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_recv_init")));
MPI_EXPORT void mpi_recv_init(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_recv_init")));
MPI_EXPORT void MPI_RECV_INIT(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_recv_init")));

static void f_mpi_start(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_start_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Start, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_start_(void *p0, void *p1) __attribute__((alias("f_mpi_start")));
MPI_EXPORT void mpi_start__(void *p0, void *p1) __attribute__((alias("f_mpi_start")));
MPI_EXPORT void mpi_start(void *p0, void *p1) __attribute__((alias("f_mpi_start")));
MPI_EXPORT void MPI_START(void *p0, void *p1) __attribute__((alias("f_mpi_start")));

static void f_mpi_startall(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_startall_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Startall, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_startall_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_startall")));
MPI_EXPORT void mpi_startall__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_startall")));
MPI_EXPORT void mpi_startall(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_startall")));
MPI_EXPORT void MPI_STARTALL(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_startall")));

static void f_mpi_wait(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_wait_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Wait, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_wait_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_wait")));
MPI_EXPORT void mpi_wait__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_wait")));
MPI_EXPORT void mpi_wait(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_wait")));
MPI_EXPORT void MPI_WAIT(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_wait")));

static void f_mpi_waitall(void *p0, void *p1, void *p2, void *p3)
{
	static void (*real)(void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_waitall_"))) {
		*(MPI_Fint *)p3 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Waitall, __builtin_return_address(0));
	real(p0, p1, p2, p3);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_waitall_(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_waitall")));
MPI_EXPORT void mpi_waitall__(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_waitall")));
MPI_EXPORT void mpi_waitall(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_waitall")));
MPI_EXPORT void MPI_WAITALL(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_waitall")));

static void f_mpi_waitany(void *p0, void *p1, void *p2, void *p3, void *p4)
{
	static void (*real)(void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_waitany_"))) {
		*(MPI_Fint *)p4 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Waitany, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_waitany_(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_waitany")));
MPI_EXPORT void mpi_waitany__(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_waitany")));
MPI_EXPORT void mpi_waitany(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_waitany")));
MPI_EXPORT void MPI_WAITANY(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_waitany")));

static void f_mpi_waitsome(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_waitsome_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Waitsome, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_waitsome_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_waitsome")));
MPI_EXPORT void mpi_waitsome__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_waitsome")));
MPI_EXPORT void mpi_waitsome(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_waitsome")));
MPI_EXPORT void MPI_WAITSOME(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_waitsome")));

static void f_mpi_test(void *p0, void *p1, void *p2, void *p3)
{
	static void (*real)(void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_test_"))) {
		*(MPI_Fint *)p3 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Test, __builtin_return_address(0));
	real(p0, p1, p2, p3);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_test_(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_test")));
MPI_EXPORT void mpi_test__(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_test")));
MPI_EXPORT void mpi_test(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_test")));
MPI_EXPORT void MPI_TEST(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_test")));

static void f_mpi_testall(void *p0, void *p1, void *p2, void *p3, void *p4)
{
	static void (*real)(void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_testall_"))) {
		*(MPI_Fint *)p4 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Testall, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_testall_(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_testall")));
MPI_EXPORT void mpi_testall__(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_testall")));
MPI_EXPORT void mpi_testall(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_testall")));
MPI_EXPORT void MPI_TESTALL(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_testall")));

static void f_mpi_testany(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_testany_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Testany, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_testany_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_testany")));
MPI_EXPORT void mpi_testany__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_testany")));
MPI_EXPORT void mpi_testany(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_testany")));
MPI_EXPORT void MPI_TESTANY(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_testany")));

static void f_mpi_testsome(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_testsome_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Testsome, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_testsome_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_testsome")));
MPI_EXPORT void mpi_testsome__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_testsome")));
MPI_EXPORT void mpi_testsome(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_testsome")));
MPI_EXPORT void MPI_TESTSOME(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_testsome")));

static void f_mpi_cancel(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_cancel_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Cancel, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_cancel_(void *p0, void *p1) __attribute__((alias("f_mpi_cancel")));
MPI_EXPORT void mpi_cancel__(void *p0, void *p1) __attribute__((alias("f_mpi_cancel")));
MPI_EXPORT void mpi_cancel(void *p0, void *p1) __attribute__((alias("f_mpi_cancel")));
MPI_EXPORT void MPI_CANCEL(void *p0, void *p1) __attribute__((alias("f_mpi_cancel")));

static void f_mpi_request_free(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_request_free_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Request_free, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_request_free_(void *p0, void *p1) __attribute__((alias("f_mpi_request_free")));
MPI_EXPORT void mpi_request_free__(void *p0, void *p1) __attribute__((alias("f_mpi_request_free")));
MPI_EXPORT void mpi_request_free(void *p0, void *p1) __attribute__((alias("f_mpi_request_free")));
MPI_EXPORT void MPI_REQUEST_FREE(void *p0, void *p1) __attribute__((alias("f_mpi_request_free")));

static void f_mpi_barrier(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_barrier_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Barrier, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_barrier_(void *p0, void *p1) __attribute__((alias("f_mpi_barrier")));
MPI_EXPORT void mpi_barrier__(void *p0, void *p1) __attribute__((alias("f_mpi_barrier")));
MPI_EXPORT void mpi_barrier(void *p0, void *p1) __attribute__((alias("f_mpi_barrier")));
MPI_EXPORT void MPI_BARRIER(void *p0, void *p1) __attribute__((alias("f_mpi_barrier")));

static void f_mpi_bcast(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_bcast_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Bcast, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_bcast_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_bcast")));
MPI_EXPORT void mpi_bcast__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_bcast")));
MPI_EXPORT void mpi_bcast(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_bcast")));
MPI_EXPORT void MPI_BCAST(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_bcast")));

static void f_mpi_reduce(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_reduce_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Reduce, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p2, p3), 0);
}
MPI_EXPORT void mpi_reduce_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_reduce")));
MPI_EXPORT void mpi_reduce__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_reduce")));
MPI_EXPORT void mpi_reduce(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_reduce")));
MPI_EXPORT void MPI_REDUCE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_reduce")));

static void f_mpi_allreduce(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_allreduce_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Allreduce, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes_f(p2, p3);
		mpi_end(&c, n, n);
	}
}
MPI_EXPORT void mpi_allreduce_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_allreduce")));
MPI_EXPORT void mpi_allreduce__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_allreduce")));
MPI_EXPORT void mpi_allreduce(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_allreduce")));
MPI_EXPORT void MPI_ALLREDUCE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_allreduce")));

static void f_mpi_gather(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_gather_"))) {
		*(MPI_Fint *)p8 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Gather, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_gather_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_gather")));
MPI_EXPORT void mpi_gather__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_gather")));
MPI_EXPORT void mpi_gather(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_gather")));
MPI_EXPORT void MPI_GATHER(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_gather")));

static void f_mpi_gatherv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_gatherv_"))) {
		*(MPI_Fint *)p9 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Gatherv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_gatherv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_gatherv")));
MPI_EXPORT void mpi_gatherv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_gatherv")));
MPI_EXPORT void mpi_gatherv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_gatherv")));
MPI_EXPORT void MPI_GATHERV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_gatherv")));

static void f_mpi_scatter(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_scatter_"))) {
		*(MPI_Fint *)p8 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Scatter, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p4, p5));
}
MPI_EXPORT void mpi_scatter_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_scatter")));
MPI_EXPORT void mpi_scatter__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_scatter")));
MPI_EXPORT void mpi_scatter(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_scatter")));
MPI_EXPORT void MPI_SCATTER(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_scatter")));

static void f_mpi_scatterv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_scatterv_"))) {
		*(MPI_Fint *)p9 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Scatterv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p5, p6));
}
MPI_EXPORT void mpi_scatterv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_scatterv")));
MPI_EXPORT void mpi_scatterv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_scatterv")));
MPI_EXPORT void mpi_scatterv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_scatterv")));
MPI_EXPORT void MPI_SCATTERV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_scatterv")));

static void f_mpi_allgather(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_allgather_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Allgather, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_allgather_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_allgather")));
MPI_EXPORT void mpi_allgather__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_allgather")));
MPI_EXPORT void mpi_allgather(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_allgather")));
MPI_EXPORT void MPI_ALLGATHER(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_allgather")));

static void f_mpi_allgatherv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_allgatherv_"))) {
		*(MPI_Fint *)p8 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Allgatherv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_allgatherv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_allgatherv")));
MPI_EXPORT void mpi_allgatherv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_allgatherv")));
MPI_EXPORT void mpi_allgatherv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_allgatherv")));
MPI_EXPORT void MPI_ALLGATHERV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_allgatherv")));

static void f_mpi_alltoall(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_alltoall_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Alltoall, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), mpi_bytes_f(p4, p5));
}
MPI_EXPORT void mpi_alltoall_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_alltoall")));
MPI_EXPORT void mpi_alltoall__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_alltoall")));
MPI_EXPORT void mpi_alltoall(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_alltoall")));
MPI_EXPORT void MPI_ALLTOALL(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_alltoall")));

static void f_mpi_alltoallv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_alltoallv_"))) {
		*(MPI_Fint *)p9 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Alltoallv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_alltoallv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_alltoallv")));
MPI_EXPORT void mpi_alltoallv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_alltoallv")));
MPI_EXPORT void mpi_alltoallv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_alltoallv")));
MPI_EXPORT void MPI_ALLTOALLV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_alltoallv")));

static void f_mpi_alltoallw(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_alltoallw_"))) {
		*(MPI_Fint *)p9 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Alltoallw, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_alltoallw_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_alltoallw")));
MPI_EXPORT void mpi_alltoallw__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_alltoallw")));
MPI_EXPORT void mpi_alltoallw(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_alltoallw")));
MPI_EXPORT void MPI_ALLTOALLW(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_alltoallw")));

static void f_mpi_reduce_scatter(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_reduce_scatter_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Reduce_scatter, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_reduce_scatter_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_reduce_scatter")));
MPI_EXPORT void mpi_reduce_scatter__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_reduce_scatter")));
MPI_EXPORT void mpi_reduce_scatter(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_reduce_scatter")));
MPI_EXPORT void MPI_REDUCE_SCATTER(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_reduce_scatter")));

static void f_mpi_reduce_scatter_block(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_reduce_scatter_block_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Reduce_scatter_block, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p2, p3));
}
MPI_EXPORT void mpi_reduce_scatter_block_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_reduce_scatter_block")));
MPI_EXPORT void mpi_reduce_scatter_block__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_reduce_scatter_block")));
MPI_EXPORT void mpi_reduce_scatter_block(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_reduce_scatter_block")));
MPI_EXPORT void MPI_REDUCE_SCATTER_BLOCK(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_reduce_scatter_block")));

static void f_mpi_scan(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_scan_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Scan, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes_f(p2, p3);
		mpi_end(&c, n, n);
	}
}
MPI_EXPORT void mpi_scan_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_scan")));
MPI_EXPORT void mpi_scan__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_scan")));
MPI_EXPORT void mpi_scan(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_scan")));
MPI_EXPORT void MPI_SCAN(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_scan")));

static void f_mpi_exscan(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_exscan_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Exscan, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes_f(p2, p3);
		mpi_end(&c, n, n);
	}
}
MPI_EXPORT void mpi_exscan_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_exscan")));
MPI_EXPORT void mpi_exscan__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_exscan")));
MPI_EXPORT void mpi_exscan(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_exscan")));
MPI_EXPORT void MPI_EXSCAN(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_exscan")));

static void f_mpi_ibarrier(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ibarrier_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ibarrier, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_ibarrier_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_ibarrier")));
MPI_EXPORT void mpi_ibarrier__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_ibarrier")));
MPI_EXPORT void mpi_ibarrier(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_ibarrier")));
MPI_EXPORT void MPI_IBARRIER(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_ibarrier")));

static void f_mpi_ibcast(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ibcast_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ibcast, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_ibcast_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_ibcast")));
MPI_EXPORT void mpi_ibcast__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_ibcast")));
MPI_EXPORT void mpi_ibcast(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_ibcast")));
MPI_EXPORT void MPI_IBCAST(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_ibcast")));

static void f_mpi_ireduce(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ireduce_"))) {
		*(MPI_Fint *)p8 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ireduce, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p2, p3), 0);
}
MPI_EXPORT void mpi_ireduce_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_ireduce")));
MPI_EXPORT void mpi_ireduce__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_ireduce")));
MPI_EXPORT void mpi_ireduce(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_ireduce")));
MPI_EXPORT void MPI_IREDUCE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_ireduce")));

static void f_mpi_iallreduce(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_iallreduce_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Iallreduce, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes_f(p2, p3);
		mpi_end(&c, n, n);
	}
}
MPI_EXPORT void mpi_iallreduce_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iallreduce")));
MPI_EXPORT void mpi_iallreduce__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iallreduce")));
MPI_EXPORT void mpi_iallreduce(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iallreduce")));
MPI_EXPORT void MPI_IALLREDUCE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iallreduce")));

static void f_mpi_igather(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_igather_"))) {
		*(MPI_Fint *)p9 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Igather, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_igather_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_igather")));
MPI_EXPORT void mpi_igather__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_igather")));
MPI_EXPORT void mpi_igather(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_igather")));
MPI_EXPORT void MPI_IGATHER(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_igather")));

static void f_mpi_igatherv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_igatherv_"))) {
		*(MPI_Fint *)p10 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Igatherv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_igatherv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_igatherv")));
MPI_EXPORT void mpi_igatherv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_igatherv")));
MPI_EXPORT void mpi_igatherv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_igatherv")));
MPI_EXPORT void MPI_IGATHERV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_igatherv")));

static void f_mpi_iscatter(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_iscatter_"))) {
		*(MPI_Fint *)p9 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Iscatter, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p4, p5));
}
MPI_EXPORT void mpi_iscatter_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_iscatter")));
MPI_EXPORT void mpi_iscatter__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_iscatter")));
MPI_EXPORT void mpi_iscatter(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_iscatter")));
MPI_EXPORT void MPI_ISCATTER(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_iscatter")));

static void f_mpi_iscatterv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_iscatterv_"))) {
		*(MPI_Fint *)p10 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Iscatterv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p5, p6));
}
MPI_EXPORT void mpi_iscatterv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_iscatterv")));
MPI_EXPORT void mpi_iscatterv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_iscatterv")));
MPI_EXPORT void mpi_iscatterv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_iscatterv")));
MPI_EXPORT void MPI_ISCATTERV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_iscatterv")));

static void f_mpi_iallgather(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_iallgather_"))) {
		*(MPI_Fint *)p8 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Iallgather, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_iallgather_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_iallgather")));
MPI_EXPORT void mpi_iallgather__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_iallgather")));
MPI_EXPORT void mpi_iallgather(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_iallgather")));
MPI_EXPORT void MPI_IALLGATHER(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_iallgather")));

static void f_mpi_iallgatherv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_iallgatherv_"))) {
		*(MPI_Fint *)p9 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Iallgatherv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_iallgatherv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_iallgatherv")));
MPI_EXPORT void mpi_iallgatherv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_iallgatherv")));
MPI_EXPORT void mpi_iallgatherv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_iallgatherv")));
MPI_EXPORT void MPI_IALLGATHERV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_iallgatherv")));

static void f_mpi_ialltoall(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ialltoall_"))) {
		*(MPI_Fint *)p8 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ialltoall, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), mpi_bytes_f(p4, p5));
}
MPI_EXPORT void mpi_ialltoall_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_ialltoall")));
MPI_EXPORT void mpi_ialltoall__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_ialltoall")));
MPI_EXPORT void mpi_ialltoall(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_ialltoall")));
MPI_EXPORT void MPI_IALLTOALL(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_ialltoall")));

static void f_mpi_ialltoallv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ialltoallv_"))) {
		*(MPI_Fint *)p10 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ialltoallv, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_ialltoallv_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_ialltoallv")));
MPI_EXPORT void mpi_ialltoallv__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_ialltoallv")));
MPI_EXPORT void mpi_ialltoallv(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_ialltoallv")));
MPI_EXPORT void MPI_IALLTOALLV(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_ialltoallv")));

static void f_mpi_ialltoallw(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ialltoallw_"))) {
		*(MPI_Fint *)p10 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ialltoallw, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_ialltoallw_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_ialltoallw")));
MPI_EXPORT void mpi_ialltoallw__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_ialltoallw")));
MPI_EXPORT void mpi_ialltoallw(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_ialltoallw")));
MPI_EXPORT void MPI_IALLTOALLW(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10) __attribute__((alias("f_mpi_ialltoallw")));

static void f_mpi_ireduce_scatter(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ireduce_scatter_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ireduce_scatter, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_ireduce_scatter_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ireduce_scatter")));
MPI_EXPORT void mpi_ireduce_scatter__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ireduce_scatter")));
MPI_EXPORT void mpi_ireduce_scatter(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ireduce_scatter")));
MPI_EXPORT void MPI_IREDUCE_SCATTER(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ireduce_scatter")));

static void f_mpi_ireduce_scatter_block(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_ireduce_scatter_block_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Ireduce_scatter_block, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p2, p3));
}
MPI_EXPORT void mpi_ireduce_scatter_block_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ireduce_scatter_block")));
MPI_EXPORT void mpi_ireduce_scatter_block__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ireduce_scatter_block")));
MPI_EXPORT void mpi_ireduce_scatter_block(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ireduce_scatter_block")));
MPI_EXPORT void MPI_IREDUCE_SCATTER_BLOCK(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_ireduce_scatter_block")));

static void f_mpi_iscan(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_iscan_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Iscan, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes_f(p2, p3);
		mpi_end(&c, n, n);
	}
}
MPI_EXPORT void mpi_iscan_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iscan")));
MPI_EXPORT void mpi_iscan__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iscan")));
MPI_EXPORT void mpi_iscan(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iscan")));
MPI_EXPORT void MPI_ISCAN(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iscan")));

static void f_mpi_iexscan(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_iexscan_"))) {
		*(MPI_Fint *)p7 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Iexscan, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7);
	if (mpi_recording(&c)) {
		uint64_t n = mpi_bytes_f(p2, p3);
		mpi_end(&c, n, n);
	}
}
MPI_EXPORT void mpi_iexscan_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iexscan")));
MPI_EXPORT void mpi_iexscan__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iexscan")));
MPI_EXPORT void mpi_iexscan(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iexscan")));
MPI_EXPORT void MPI_IEXSCAN(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7) __attribute__((alias("f_mpi_iexscan")));

static void f_mpi_comm_rank(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_comm_rank_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Comm_rank, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_comm_rank_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_rank")));
MPI_EXPORT void mpi_comm_rank__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_rank")));
MPI_EXPORT void mpi_comm_rank(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_rank")));
MPI_EXPORT void MPI_COMM_RANK(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_rank")));

static void f_mpi_comm_size(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_comm_size_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Comm_size, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_comm_size_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_size")));
MPI_EXPORT void mpi_comm_size__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_size")));
MPI_EXPORT void mpi_comm_size(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_size")));
MPI_EXPORT void MPI_COMM_SIZE(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_size")));

static void f_mpi_comm_dup(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_comm_dup_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Comm_dup, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_comm_dup_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_dup")));
MPI_EXPORT void mpi_comm_dup__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_dup")));
MPI_EXPORT void mpi_comm_dup(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_dup")));
MPI_EXPORT void MPI_COMM_DUP(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_dup")));

static void f_mpi_comm_split(void *p0, void *p1, void *p2, void *p3, void *p4)
{
	static void (*real)(void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_comm_split_"))) {
		*(MPI_Fint *)p4 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Comm_split, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_comm_split_(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_comm_split")));
MPI_EXPORT void mpi_comm_split__(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_comm_split")));
MPI_EXPORT void mpi_comm_split(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_comm_split")));
MPI_EXPORT void MPI_COMM_SPLIT(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_comm_split")));

static void f_mpi_comm_split_type(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_comm_split_type_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Comm_split_type, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_comm_split_type_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_comm_split_type")));
MPI_EXPORT void mpi_comm_split_type__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_comm_split_type")));
MPI_EXPORT void mpi_comm_split_type(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_comm_split_type")));
MPI_EXPORT void MPI_COMM_SPLIT_TYPE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_comm_split_type")));

static void f_mpi_comm_create(void *p0, void *p1, void *p2, void *p3)
{
	static void (*real)(void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_comm_create_"))) {
		*(MPI_Fint *)p3 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Comm_create, __builtin_return_address(0));
	real(p0, p1, p2, p3);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_comm_create_(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_comm_create")));
MPI_EXPORT void mpi_comm_create__(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_comm_create")));
MPI_EXPORT void mpi_comm_create(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_comm_create")));
MPI_EXPORT void MPI_COMM_CREATE(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_comm_create")));

static void f_mpi_comm_free(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_comm_free_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Comm_free, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_comm_free_(void *p0, void *p1) __attribute__((alias("f_mpi_comm_free")));
MPI_EXPORT void mpi_comm_free__(void *p0, void *p1) __attribute__((alias("f_mpi_comm_free")));
MPI_EXPORT void mpi_comm_free(void *p0, void *p1) __attribute__((alias("f_mpi_comm_free")));
MPI_EXPORT void MPI_COMM_FREE(void *p0, void *p1) __attribute__((alias("f_mpi_comm_free")));

static void f_mpi_comm_group(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_comm_group_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Comm_group, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_comm_group_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_group")));
MPI_EXPORT void mpi_comm_group__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_group")));
MPI_EXPORT void mpi_comm_group(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_group")));
MPI_EXPORT void MPI_COMM_GROUP(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_comm_group")));

static void f_mpi_comm_compare(void *p0, void *p1, void *p2, void *p3)
{
	static void (*real)(void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_comm_compare_"))) {
		*(MPI_Fint *)p3 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Comm_compare, __builtin_return_address(0));
	real(p0, p1, p2, p3);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_comm_compare_(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_comm_compare")));
MPI_EXPORT void mpi_comm_compare__(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_comm_compare")));
MPI_EXPORT void mpi_comm_compare(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_comm_compare")));
MPI_EXPORT void MPI_COMM_COMPARE(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_comm_compare")));

static void f_mpi_intercomm_create(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_intercomm_create_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Intercomm_create, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_intercomm_create_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_intercomm_create")));
MPI_EXPORT void mpi_intercomm_create__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_intercomm_create")));
MPI_EXPORT void mpi_intercomm_create(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_intercomm_create")));
MPI_EXPORT void MPI_INTERCOMM_CREATE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_intercomm_create")));

static void f_mpi_cart_create(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_cart_create_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Cart_create, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_cart_create_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_cart_create")));
MPI_EXPORT void mpi_cart_create__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_cart_create")));
MPI_EXPORT void mpi_cart_create(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_cart_create")));
MPI_EXPORT void MPI_CART_CREATE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_cart_create")));

static void f_mpi_group_incl(void *p0, void *p1, void *p2, void *p3, void *p4)
{
	static void (*real)(void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_group_incl_"))) {
		*(MPI_Fint *)p4 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Group_incl, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_group_incl_(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_group_incl")));
MPI_EXPORT void mpi_group_incl__(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_group_incl")));
MPI_EXPORT void mpi_group_incl(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_group_incl")));
MPI_EXPORT void MPI_GROUP_INCL(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_group_incl")));

static void f_mpi_group_excl(void *p0, void *p1, void *p2, void *p3, void *p4)
{
	static void (*real)(void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_group_excl_"))) {
		*(MPI_Fint *)p4 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Group_excl, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_group_excl_(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_group_excl")));
MPI_EXPORT void mpi_group_excl__(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_group_excl")));
MPI_EXPORT void mpi_group_excl(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_group_excl")));
MPI_EXPORT void MPI_GROUP_EXCL(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_group_excl")));

static void f_mpi_group_free(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_group_free_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Group_free, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_group_free_(void *p0, void *p1) __attribute__((alias("f_mpi_group_free")));
MPI_EXPORT void mpi_group_free__(void *p0, void *p1) __attribute__((alias("f_mpi_group_free")));
MPI_EXPORT void mpi_group_free(void *p0, void *p1) __attribute__((alias("f_mpi_group_free")));
MPI_EXPORT void MPI_GROUP_FREE(void *p0, void *p1) __attribute__((alias("f_mpi_group_free")));

static void f_mpi_group_rank(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_group_rank_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Group_rank, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_group_rank_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_group_rank")));
MPI_EXPORT void mpi_group_rank__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_group_rank")));
MPI_EXPORT void mpi_group_rank(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_group_rank")));
MPI_EXPORT void MPI_GROUP_RANK(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_group_rank")));

static void f_mpi_group_size(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_group_size_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Group_size, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_group_size_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_group_size")));
MPI_EXPORT void mpi_group_size__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_group_size")));
MPI_EXPORT void mpi_group_size(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_group_size")));
MPI_EXPORT void MPI_GROUP_SIZE(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_group_size")));

static void f_mpi_group_translate_ranks(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_group_translate_ranks_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Group_translate_ranks, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_group_translate_ranks_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_group_translate_ranks")));
MPI_EXPORT void mpi_group_translate_ranks__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_group_translate_ranks")));
MPI_EXPORT void mpi_group_translate_ranks(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_group_translate_ranks")));
MPI_EXPORT void MPI_GROUP_TRANSLATE_RANKS(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_group_translate_ranks")));

static void f_mpi_win_create(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_win_create_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Win_create, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_win_create_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_win_create")));
MPI_EXPORT void mpi_win_create__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_win_create")));
MPI_EXPORT void mpi_win_create(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_win_create")));
MPI_EXPORT void MPI_WIN_CREATE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_win_create")));

static void f_mpi_win_free(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_win_free_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Win_free, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_win_free_(void *p0, void *p1) __attribute__((alias("f_mpi_win_free")));
MPI_EXPORT void mpi_win_free__(void *p0, void *p1) __attribute__((alias("f_mpi_win_free")));
MPI_EXPORT void mpi_win_free(void *p0, void *p1) __attribute__((alias("f_mpi_win_free")));
MPI_EXPORT void MPI_WIN_FREE(void *p0, void *p1) __attribute__((alias("f_mpi_win_free")));

static void f_mpi_win_fence(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_win_fence_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Win_fence, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_win_fence_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_fence")));
MPI_EXPORT void mpi_win_fence__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_fence")));
MPI_EXPORT void mpi_win_fence(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_fence")));
MPI_EXPORT void MPI_WIN_FENCE(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_fence")));

static void f_mpi_put(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_put_"))) {
		*(MPI_Fint *)p8 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Put, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_put_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_put")));
MPI_EXPORT void mpi_put__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_put")));
MPI_EXPORT void mpi_put(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_put")));
MPI_EXPORT void MPI_PUT(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_put")));

static void f_mpi_get(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_get_"))) {
		*(MPI_Fint *)p8 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Get, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p1, p2));
}
MPI_EXPORT void mpi_get_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_get")));
MPI_EXPORT void mpi_get__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_get")));
MPI_EXPORT void mpi_get(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_get")));
MPI_EXPORT void MPI_GET(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8) __attribute__((alias("f_mpi_get")));

static void f_mpi_accumulate(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_accumulate_"))) {
		*(MPI_Fint *)p9 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Accumulate, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), 0);
}
MPI_EXPORT void mpi_accumulate_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_accumulate")));
MPI_EXPORT void mpi_accumulate__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_accumulate")));
MPI_EXPORT void mpi_accumulate(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_accumulate")));
MPI_EXPORT void MPI_ACCUMULATE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9) __attribute__((alias("f_mpi_accumulate")));

static void f_mpi_get_accumulate(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_get_accumulate_"))) {
		*(MPI_Fint *)p12 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Get_accumulate, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p1, p2), mpi_bytes_f(p4, p5));
}
MPI_EXPORT void mpi_get_accumulate_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12) __attribute__((alias("f_mpi_get_accumulate")));
MPI_EXPORT void mpi_get_accumulate__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12) __attribute__((alias("f_mpi_get_accumulate")));
MPI_EXPORT void mpi_get_accumulate(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12) __attribute__((alias("f_mpi_get_accumulate")));
MPI_EXPORT void MPI_GET_ACCUMULATE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6, void *p7, void *p8, void *p9, void *p10, void *p11, void *p12) __attribute__((alias("f_mpi_get_accumulate")));

static void f_mpi_win_lock(void *p0, void *p1, void *p2, void *p3, void *p4)
{
	static void (*real)(void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_win_lock_"))) {
		*(MPI_Fint *)p4 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Win_lock, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_win_lock_(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_win_lock")));
MPI_EXPORT void mpi_win_lock__(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_win_lock")));
MPI_EXPORT void mpi_win_lock(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_win_lock")));
MPI_EXPORT void MPI_WIN_LOCK(void *p0, void *p1, void *p2, void *p3, void *p4) __attribute__((alias("f_mpi_win_lock")));

static void f_mpi_win_unlock(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_win_unlock_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Win_unlock, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_win_unlock_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_unlock")));
MPI_EXPORT void mpi_win_unlock__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_unlock")));
MPI_EXPORT void mpi_win_unlock(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_unlock")));
MPI_EXPORT void MPI_WIN_UNLOCK(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_unlock")));

static void f_mpi_win_lock_all(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_win_lock_all_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Win_lock_all, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_win_lock_all_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_lock_all")));
MPI_EXPORT void mpi_win_lock_all__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_lock_all")));
MPI_EXPORT void mpi_win_lock_all(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_lock_all")));
MPI_EXPORT void MPI_WIN_LOCK_ALL(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_lock_all")));

static void f_mpi_win_unlock_all(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_win_unlock_all_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Win_unlock_all, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_win_unlock_all_(void *p0, void *p1) __attribute__((alias("f_mpi_win_unlock_all")));
MPI_EXPORT void mpi_win_unlock_all__(void *p0, void *p1) __attribute__((alias("f_mpi_win_unlock_all")));
MPI_EXPORT void mpi_win_unlock_all(void *p0, void *p1) __attribute__((alias("f_mpi_win_unlock_all")));
MPI_EXPORT void MPI_WIN_UNLOCK_ALL(void *p0, void *p1) __attribute__((alias("f_mpi_win_unlock_all")));

static void f_mpi_win_flush(void *p0, void *p1, void *p2)
{
	static void (*real)(void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_win_flush_"))) {
		*(MPI_Fint *)p2 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_Win_flush, __builtin_return_address(0));
	real(p0, p1, p2);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_win_flush_(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_flush")));
MPI_EXPORT void mpi_win_flush__(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_flush")));
MPI_EXPORT void mpi_win_flush(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_flush")));
MPI_EXPORT void MPI_WIN_FLUSH(void *p0, void *p1, void *p2) __attribute__((alias("f_mpi_win_flush")));

static void f_mpi_file_close(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_close_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_close, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_file_close_(void *p0, void *p1) __attribute__((alias("f_mpi_file_close")));
MPI_EXPORT void mpi_file_close__(void *p0, void *p1) __attribute__((alias("f_mpi_file_close")));
MPI_EXPORT void mpi_file_close(void *p0, void *p1) __attribute__((alias("f_mpi_file_close")));
MPI_EXPORT void MPI_FILE_CLOSE(void *p0, void *p1) __attribute__((alias("f_mpi_file_close")));

static void f_mpi_file_read(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_read_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_read, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p2, p3));
}
MPI_EXPORT void mpi_file_read_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_read")));
MPI_EXPORT void mpi_file_read__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_read")));
MPI_EXPORT void mpi_file_read(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_read")));
MPI_EXPORT void MPI_FILE_READ(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_read")));

static void f_mpi_file_write(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_write_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_write, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p2, p3), 0);
}
MPI_EXPORT void mpi_file_write_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_write")));
MPI_EXPORT void mpi_file_write__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_write")));
MPI_EXPORT void mpi_file_write(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_write")));
MPI_EXPORT void MPI_FILE_WRITE(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_write")));

static void f_mpi_file_read_at(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_read_at_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_read_at, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p3, p4));
}
MPI_EXPORT void mpi_file_read_at_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_read_at")));
MPI_EXPORT void mpi_file_read_at__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_read_at")));
MPI_EXPORT void mpi_file_read_at(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_read_at")));
MPI_EXPORT void MPI_FILE_READ_AT(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_read_at")));

static void f_mpi_file_write_at(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_write_at_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_write_at, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p3, p4), 0);
}
MPI_EXPORT void mpi_file_write_at_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_write_at")));
MPI_EXPORT void mpi_file_write_at__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_write_at")));
MPI_EXPORT void mpi_file_write_at(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_write_at")));
MPI_EXPORT void MPI_FILE_WRITE_AT(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_write_at")));

static void f_mpi_file_read_all(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_read_all_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_read_all, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p2, p3));
}
MPI_EXPORT void mpi_file_read_all_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_read_all")));
MPI_EXPORT void mpi_file_read_all__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_read_all")));
MPI_EXPORT void mpi_file_read_all(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_read_all")));
MPI_EXPORT void MPI_FILE_READ_ALL(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_read_all")));

static void f_mpi_file_write_all(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5)
{
	static void (*real)(void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_write_all_"))) {
		*(MPI_Fint *)p5 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_write_all, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p2, p3), 0);
}
MPI_EXPORT void mpi_file_write_all_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_write_all")));
MPI_EXPORT void mpi_file_write_all__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_write_all")));
MPI_EXPORT void mpi_file_write_all(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_write_all")));
MPI_EXPORT void MPI_FILE_WRITE_ALL(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5) __attribute__((alias("f_mpi_file_write_all")));

static void f_mpi_file_read_at_all(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_read_at_all_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_read_at_all, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, 0, mpi_bytes_f(p3, p4));
}
MPI_EXPORT void mpi_file_read_at_all_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_read_at_all")));
MPI_EXPORT void mpi_file_read_at_all__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_read_at_all")));
MPI_EXPORT void mpi_file_read_at_all(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_read_at_all")));
MPI_EXPORT void MPI_FILE_READ_AT_ALL(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_read_at_all")));

static void f_mpi_file_write_at_all(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6)
{
	static void (*real)(void *, void *, void *, void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_write_at_all_"))) {
		*(MPI_Fint *)p6 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_write_at_all, __builtin_return_address(0));
	real(p0, p1, p2, p3, p4, p5, p6);
	if (mpi_recording(&c))
		mpi_end(&c, mpi_bytes_f(p3, p4), 0);
}
MPI_EXPORT void mpi_file_write_at_all_(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_write_at_all")));
MPI_EXPORT void mpi_file_write_at_all__(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_write_at_all")));
MPI_EXPORT void mpi_file_write_at_all(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_write_at_all")));
MPI_EXPORT void MPI_FILE_WRITE_AT_ALL(void *p0, void *p1, void *p2, void *p3, void *p4, void *p5, void *p6) __attribute__((alias("f_mpi_file_write_at_all")));

static void f_mpi_file_seek(void *p0, void *p1, void *p2, void *p3)
{
	static void (*real)(void *, void *, void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_seek_"))) {
		*(MPI_Fint *)p3 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_seek, __builtin_return_address(0));
	real(p0, p1, p2, p3);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_file_seek_(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_file_seek")));
MPI_EXPORT void mpi_file_seek__(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_file_seek")));
MPI_EXPORT void mpi_file_seek(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_file_seek")));
MPI_EXPORT void MPI_FILE_SEEK(void *p0, void *p1, void *p2, void *p3) __attribute__((alias("f_mpi_file_seek")));

static void f_mpi_file_sync(void *p0, void *p1)
{
	static void (*real)(void *, void *);
	struct mpi_call c;

	if (!real && !(*(void **)&real = mpi_real("pmpi_file_sync_"))) {
		*(MPI_Fint *)p1 = MPI_ERR_INTERN;
		return;
	}
	mpi_begin(&c, F_MPI_File_sync, __builtin_return_address(0));
	real(p0, p1);
	if (mpi_recording(&c))
		mpi_end(&c, 0, 0);
}
MPI_EXPORT void mpi_file_sync_(void *p0, void *p1) __attribute__((alias("f_mpi_file_sync")));
MPI_EXPORT void mpi_file_sync__(void *p0, void *p1) __attribute__((alias("f_mpi_file_sync")));
MPI_EXPORT void mpi_file_sync(void *p0, void *p1) __attribute__((alias("f_mpi_file_sync")));
MPI_EXPORT void MPI_FILE_SYNC(void *p0, void *p1) __attribute__((alias("f_mpi_file_sync")));

