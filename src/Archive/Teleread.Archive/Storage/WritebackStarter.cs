using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Teleread.Archive.Storage;

/// <summary>
/// Starts the disk writing a file's bytes while later bytes are still arriving (Linux <c>sync_file_range(2)</c> with
/// SYNC_FILE_RANGE_WRITE), so the commit's fsync finds most pages already written and waits only for the tail. It makes
/// nothing durable by itself: the fsync stays the only durability point, and a failed write-out is reported by it
/// (the kernel keeps the error for every descriptor open on the file). Elsewhere, and wherever the call fails, it does nothing.
/// </summary>
internal sealed class WritebackStarter
{
    /// <summary>Bytes written since the last start before another is started (whole pages only).</summary>
    public const long Step = 128 * 1024;

    private const long PageSize = 4096;
    private const uint SyncFileRangeWrite = 2;

    private static bool _unsupported = !OperatingSystem.IsLinux();
    private long _started;

    /// <summary>
    /// Call after each write with the file's length so far: once another <see cref="Step"/> of whole pages has arrived, the
    /// file's buffer goes to the OS and the disk is asked to start writing them. Small objects never reach a step.
    /// </summary>
    public void Advance(FileStream file, long written)
    {
        var end = written / PageSize * PageSize;
        if (_unsupported || end - _started < Step)
        {
            return;
        }

        file.Flush();
        if (SyncFileRange(file.SafeFileHandle, _started, end - _started, SyncFileRangeWrite) != 0)
        {
            // ENOSYS or EINVAL on a file system that has no such thing: the fsync at commit writes everything anyway.
            _unsupported = Marshal.GetLastPInvokeError() is 38 or 22;
        }

        _started = end;
    }

    [DllImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SyncFileRange(SafeFileHandle fd, long offset, long nbytes, uint flags);
}
