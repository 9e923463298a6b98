-- When the owner was told (by email) that the token expires within 7 days: each token is told once.
ALTER TABLE user_tokens ADD COLUMN expiry_warned_on TIMESTAMP WITH TIME ZONE;
