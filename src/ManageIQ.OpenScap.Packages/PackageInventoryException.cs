namespace ManageIQ.OpenScap.Packages;

/// <summary>The package database is missing, unreadable, over a limit or not a package database.</summary>
public sealed class PackageInventoryException : Exception
{
    public PackageInventoryException()
    {
    }

    public PackageInventoryException(string message)
        : base(message)
    {
    }

    public PackageInventoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
