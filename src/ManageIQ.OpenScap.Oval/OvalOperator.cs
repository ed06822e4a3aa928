namespace ManageIQ.OpenScap.Oval;

/// <summary>The <c>operator</c> of a <c>criteria</c> element (OVAL 5.11 OperatorEnumeration).</summary>
public enum OvalOperator
{
    And,
    Or,
    One,
    Xor,
}
