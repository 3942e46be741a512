CREATE INDEX "placements_start_date_idx" ON "maatwerk"."placements" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "referrals_proposed_at_idx" ON "maatwerk"."referrals" USING btree ("proposed_at");--> statement-breakpoint
CREATE INDEX "referrals_status_changed_at_idx" ON "maatwerk"."referrals" USING btree ("status_changed_at");