namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>Where the next header stands in the tar reader's sequence of metadata and entry headers.</summary>
internal enum TarHeaderPosition
{
    /// <summary>The first header of an entry.</summary>
    First,

    /// <summary>After a leading PAX 'x' header: this header takes the records' size.</summary>
    AfterPax,

    /// <summary>After a GNU long name ('L').</summary>
    AfterLongName,

    /// <summary>After a GNU long link ('K').</summary>
    AfterLongLink,

    /// <summary>After both GNU records.</summary>
    AfterBothGnu,
}
