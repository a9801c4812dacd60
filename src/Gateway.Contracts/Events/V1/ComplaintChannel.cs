namespace Gateway.Contracts.Events.V1;

public enum ComplaintChannel
{
    Gateway,
    Lapor,
    CallCentre,
    SocialMedia,
    WalkIn,
}
