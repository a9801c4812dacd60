namespace Gateway.Contracts.Events.V1;

public enum SubscriptionChangeKind
{
    Created,
    Deleted,
}
