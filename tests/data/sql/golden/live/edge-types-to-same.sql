-- AlterTable
ALTER TABLE "Everything" ALTER COLUMN "gen" SET DEFAULT 'x' || 'y';
